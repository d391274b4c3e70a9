package fr.passerelle.lifecycle;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.ImportReport;
import fr.passerelle.ingest.Importer;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.privacy.HmacKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rotate-key: every pseudonym re-keyed, known people still recognised, the do-not-collect list still honoured. */
class KeyRotationTest {
    @TempDir
    Path dir;

    Importer importer(Database db, HmacKey key) {
        return new Importer(
                db,
                new Normaliser(Catalogue.bundled(), Regions.bundled(), key, Normaliser.RegionLevel.REGION),
                key,
                Fixtures.RECORD_KEYS,
                7,
                Fixtures.CLOCK);
    }

    Set<String> pids(Database db, String label) {
        return new HashSet<>(db.read("test/all-properties", Map.of(), r -> r.asMap()).stream()
                .filter(p -> String.valueOf(p.get("owner")).startsWith(label) && "pid".equals(p.get("key")))
                .map(p -> String.valueOf(p.get("value")))
                .toList());
    }

    @Test
    void rotationRekeysEverythingAndImportsStillRecogniseEveryone() throws Exception {
        Database db = TestNeo4j.reset();
        Path keyFile = dir.resolve("keys").resolve("hmac.key");
        HmacKey old = HmacKey.load(keyFile, null, null);
        List<String> lines = new ArrayList<>(people("a", 20, "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        Path file = Fixtures.write(dir, "people.jsonl", lines);
        importer(db, old).importFiles(List.of(file), false, n -> {});
        new Erasure(db, old, Fixtures.CLOCK).erase("test", List.of("a-0"), Erasure.Reason.ERASURE);
        Map<String, Object> before = Fixtures.aggregates(db);
        Set<String> personsBefore = pids(db, "Person");
        Set<String> tombstonesBefore = pids(db, "DoNotCollect");
        assertEquals(19, personsBefore.size());
        assertEquals(1, tombstonesBefore.size());

        KeyRotation.Result result = new KeyRotation(db, 5).rotate(old, keyFile);
        HmacKey rotated = HmacKey.load(keyFile, null, null);
        assertEquals(result.to(), rotated.keyId());
        assertNotEquals(old.keyId(), rotated.keyId());
        assertEquals(List.of(old.keyId(), rotated.keyId()), rotated.keyIds());
        assertEquals(19, result.persons());
        assertEquals(1, result.tombstones());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));

        Set<String> personsAfter = pids(db, "Person");
        assertEquals(19, personsAfter.size());
        assertTrue(java.util.Collections.disjoint(personsBefore, personsAfter), "every pseudonym changed");
        assertFalse(personsAfter.contains(old.pseudonym("test", "a-1")), "the old key alone no longer finds anyone");
        assertTrue(personsAfter.contains(rotated.pseudonym("test", "a-1")), "the chain computes the stored pseudonym");
        assertEquals(before, Fixtures.aggregates(db), "aggregates untouched");

        // Re-importing the same people with the new key changes nothing, and the erased person stays out.
        ImportReport again = importer(db, rotated).importFiles(List.of(file), false, n -> {});
        assertEquals(0, again.added());
        assertEquals(19, again.unchanged());
        assertEquals(1, again.doNotCollect(), "the erased person, recognised under the new key");
        assertEquals(19, pids(db, "Person").size());

        // A process still holding the old key refuses to write instead of filing people twice.
        IllegalStateException stale = assertThrows(
                IllegalStateException.class, () -> importer(db, old).importFiles(List.of(file), false, n -> {}));
        assertTrue(
                stale.getMessage().contains(rotated.keyId())
                        || stale.getMessage().contains(old.keyId()),
                stale.getMessage());
    }

    @Test
    void anInterruptedRotationBlocksWritersAndResumes() throws Exception {
        Database db = TestNeo4j.reset();
        Path keyFile = dir.resolve("hmac.key");
        HmacKey old = HmacKey.load(keyFile, null, null);
        Path file =
                Fixtures.write(dir, "people.jsonl", people("b", 30, "education:BTS-CG:2018-09", "job:M1203:2020-09"));
        importer(db, old).importFiles(List.of(file), false, n -> {});
        KeyRotation rotation = new KeyRotation(db, 10);
        HmacKey half = rotation.startAndStop(old, keyFile, 10);
        IllegalStateException busy = assertThrows(
                IllegalStateException.class, () -> importer(db, half).importFiles(List.of(file), false, n -> {}));
        assertTrue(busy.getMessage().contains("rotation"), busy.getMessage());

        KeyRotation.Result finished = rotation.rotate(HmacKey.load(keyFile, null, null), keyFile);
        assertTrue(finished.resumed());
        assertEquals(half.keyId(), finished.to());
        assertEquals(20, finished.persons(), "the 10 already re-keyed are not re-keyed twice");
        HmacKey now = HmacKey.load(keyFile, null, null);
        assertEquals(2, now.keyIds().size(), "resuming does not add a secret");
        Set<String> stored = pids(db, "Person");
        for (int i = 0; i < 30; i++) {
            assertTrue(stored.contains(now.pseudonym("test", "b-" + i)), "b-" + i);
        }
        assertEquals(
                0, importer(db, now).importFiles(List.of(file), false, n -> {}).added());
    }

    @Test
    void aChainIsTheSameAsApplyingEachSecretInTurn() {
        byte[] k1 = "0123456789abcdef0123456789abcdef".getBytes();
        byte[] k2 = "fedcba9876543210fedcba9876543210".getBytes();
        HmacKey one = HmacKey.of(k1);
        HmacKey chain = HmacKey.chain(List.of(k1, k2));
        assertEquals(chain.pseudonym("s", "x"), chain.rekey(one.pseudonym("s", "x"), one.keyId()));
        assertEquals(chain.pseudonym("s", "x"), chain.rekey(chain.pseudonym("s", "x"), chain.keyId()));
        assertThrows(IllegalArgumentException.class, () -> chain.rekey("p", "k-unknown"));
    }
}
