package fr.passerelle.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.HmacKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup and restore: the person layer comes back as it was, and nobody who left since the backup comes back. */
class BackupTest {
    @TempDir
    Path dir;

    @Test
    void aRestoredStoreKeepsTheErasuresMadeSinceTheBackup() throws Exception {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>(Fixtures.people(
                "a", 25, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        lines.addAll(Fixtures.people("b", 15, "job:D1505:2015-01", "job:N1103:2017-01"));
        Fixtures.importer(db, 7).importFiles(List.of(Fixtures.write(dir, "people.jsonl", lines)), false, n -> {});
        DoNotCollectJournal journal = new DoNotCollectJournal(dir.resolve("home/do-not-collect.jsonl"));
        Erasure erasure = new Erasure(db, Fixtures.KEY, Fixtures.CLOCK, journal);
        erasure.erase("test", List.of("b-14"), Erasure.Reason.ERASURE); // before the backup: in it already

        Path secret = Files.writeString(dir.resolve("hmac.key"), "c2VjcmV0\n");
        Backup.Manifest manifest =
                Backup.write(db, Fixtures.KEY.keyId(), dir.resolve("backup"), List.of(secret), Fixtures.CLOCK);
        assertEquals(39, manifest.people());
        assertEquals(1, manifest.doNotCollect());
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("backup/keys/hmac.key"))));
        assertEquals("c2VjcmV0\n", Files.readString(dir.resolve("backup/keys/hmac.key"), StandardCharsets.US_ASCII));
        Database live = db;
        assertThrows(
                IllegalArgumentException.class,
                () -> Backup.write(live, Fixtures.KEY.keyId(), dir.resolve("backup"), List.of(), Fixtures.CLOCK),
                "never over a backup");

        // After the backup, a-0 asks to be erased; then the database is lost.
        erasure.erase("test", List.of("a-0"), Erasure.Reason.ERASURE);
        Map<String, Object> truth = Fixtures.snapshot(db);
        List<String> listed =
                db.read("person/all-do-not-collect", Map.of(), r -> r.get("pid").asString());
        db = TestNeo4j.reset();

        Backup.Restored restored = Backup.restore(
                db,
                dir.resolve("backup"),
                Fixtures.KEY,
                DoNotCollectJournal.read(journal.file()),
                0,
                new Erasure(db, Fixtures.KEY, Fixtures.CLOCK, journal));
        assertEquals(39, restored.people());
        assertEquals(1, restored.reErased(), "a-0, erased after the backup, is erased again");
        assertEquals(
                truth, Fixtures.snapshot(db), "records and aggregates as before the loss, a-0 included in the erasure");
        assertEquals(
                new java.util.TreeSet<>(listed),
                new java.util.TreeSet<>(db.read(
                        "person/all-do-not-collect", Map.of(), r -> r.get("pid").asString())));
        assertTrue(restored.version() > manifest.version());

        // A second restore, or one under another key, is refused with the reason.
        IllegalStateException notEmpty = assertThrows(
                IllegalStateException.class,
                () -> Backup.restore(
                        TestNeo4j.db(),
                        dir.resolve("backup"),
                        Fixtures.KEY,
                        List.of(),
                        0,
                        new Erasure(TestNeo4j.db(), Fixtures.KEY, Fixtures.CLOCK)));
        assertTrue(notEmpty.getMessage().startsWith("the person store is not empty"), notEmpty.getMessage());
        HmacKey other = HmacKey.of("another secret of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));
        IllegalArgumentException wrongKey = assertThrows(
                IllegalArgumentException.class,
                () -> Backup.restore(
                        TestNeo4j.reset(),
                        dir.resolve("backup"),
                        other,
                        List.of(),
                        0,
                        new Erasure(TestNeo4j.db(), other, Fixtures.CLOCK)));
        assertTrue(wrongKey.getMessage().contains("was made under key " + Fixtures.KEY.keyId()), wrongKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backup.manifest(dir), "a folder that is not a backup");
    }
}
