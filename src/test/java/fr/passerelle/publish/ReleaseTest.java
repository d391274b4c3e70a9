package fr.passerelle.publish;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.lifecycle.KeyRotation;
import fr.passerelle.privacy.HmacKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release follows the person layer exactly: an erased person leaves the same release as if never
 * imported (record keys and cell keys included), a replaced record keeps its noise, a key rotation
 * changes no released number, and the same data always gives the same release.
 */
public class ReleaseTest {
    @TempDir
    Path dir;

    static List<String> population() {
        List<String> lines = new ArrayList<>();
        lines.addAll(people(
                "a",
                40,
                "education:BAC-STI2D:2016-09:11",
                "education:BTS-SIO-SLAM:2018-09:11",
                "job:M1805:2020-09:11"));
        lines.addAll(people(
                "b", 25, "education:BAC-STMG:2016-09:84", "education:BTS-MCO:2018-09:84", "job:D1301:2020-09:84"));
        lines.addAll(people("c", 14, "job:D1505:2015-01:84", "education:TP-DWWM:2018-01:84", "job:M1805:2018-10:84"));
        for (int i = 0; i < 30; i++) {
            lines.add("{\"source\":\"test\",\"id\":\"o" + i
                    + "\",\"steps\":[{\"kind\":\"education\",\"code\":\"BTS-CG\",\"start\":\"2018-09\","
                    + "\"end\":\"2020-06\"},{\"kind\":\"job\",\"code\":\"M1203\",\"start\":\"2020-09\"}]}");
        }
        return lines;
    }

    /** Every table of a release, without the lines that say when and from which version it was made. */
    public static Map<String, String> tables(Publication p) throws IOException {
        Map<String, String> tables = new TreeMap<>();
        for (String file : Publisher.FILES) {
            if (file.endsWith(".csv") && !file.equals("meta.csv")) {
                tables.put(file, Files.readString(p.dir().resolve(file)));
            }
        }
        String meta = Files.readString(p.dir().resolve("meta.csv"));
        String[] row = meta.lines().toList().get(1).split(",");
        tables.put("meta.csv people and do-not-collect", row[8] + "," + row[9]);
        return tables;
    }

    Publication publish(Database db, String name) {
        return Fixtures.publisher(db).publish(dir.resolve(name));
    }

    @Test
    void anErasedPersonLeavesTheReleaseOfNeverHavingBeenThere() throws IOException {
        Database db = TestNeo4j.reset();
        List<String> lines = population();
        lines.add(Fixtures.line(
                "test",
                "leaver",
                "education:BAC-STI2D:2016-09:11",
                "education:BTS-SIO-SLAM:2018-09:11",
                "job:M1805:2020-09:11"));
        Fixtures.importer(db, 50).importFiles(List.of(Fixtures.write(dir, "with.jsonl", lines)), false, n -> {});
        Publication with = publish(db, "with");
        new Erasure(db, Fixtures.KEY, Fixtures.CLOCK).erase("test", List.of("leaver"), Erasure.Reason.ERASURE);
        Publication erased = publish(db, "erased");
        assertNotEquals(with.version(), erased.version());
        assertNotEquals(tables(with).get("paths.csv"), tables(erased).get("paths.csv"), "the leaver was counted");

        Database fresh = TestNeo4j.reset();
        Fixtures.importer(fresh, 50)
                .importFiles(List.of(Fixtures.write(dir, "without.jsonl", population())), false, n -> {});
        // The do-not-collect list differs (the erased person is listed): compare everything else.
        Map<String, String> expected = tables(publish(fresh, "never"));
        Map<String, String> actual = tables(erased);
        expected.remove("meta.csv people and do-not-collect");
        actual.remove("meta.csv people and do-not-collect");
        assertEquals(expected, actual);
    }

    @Test
    void rotationAndReplacementKeepEveryNumberAndTheSameDataGivesTheSameRelease() throws IOException {
        Database db = TestNeo4j.reset();
        Path keyFile = dir.resolve("keys").resolve("hmac.key");
        HmacKey key = HmacKey.load(keyFile, null, null);
        fr.passerelle.ingest.Importer importer = new fr.passerelle.ingest.Importer(
                db,
                new fr.passerelle.ingest.Normaliser(
                        fr.passerelle.catalog.Catalogue.bundled(),
                        fr.passerelle.catalog.Regions.bundled(),
                        key,
                        fr.passerelle.ingest.Normaliser.RegionLevel.REGION),
                key,
                Fixtures.RECORD_KEYS,
                50,
                Fixtures.CLOCK);
        Path file = Fixtures.write(dir, "people.jsonl", population());
        importer.importFiles(List.of(file), false, n -> {});
        Map<String, String> before = tables(publish(db, "before"));
        assertEquals(
                before,
                tables(Fixtures.publisher(db).publish(dir.resolve("again"))),
                "the same data, the same release");

        new KeyRotation(db, 7).rotate(key, keyFile);
        HmacKey rotated = HmacKey.load(keyFile, null, null);
        Map<String, String> afterRotation = tables(publish(db, "rotated"));
        assertEquals(before, afterRotation, "a rotation changes pseudonyms, never a released number");

        // A record replaced by another version and back keeps its record key: the release comes back the same.
        fr.passerelle.ingest.Importer after = new fr.passerelle.ingest.Importer(
                db,
                new fr.passerelle.ingest.Normaliser(
                        fr.passerelle.catalog.Catalogue.bundled(),
                        fr.passerelle.catalog.Regions.bundled(),
                        rotated,
                        fr.passerelle.ingest.Normaliser.RegionLevel.REGION),
                rotated,
                Fixtures.RECORD_KEYS,
                50,
                Fixtures.CLOCK);
        after.importFiles(
                List.of(Fixtures.write(
                        dir,
                        "changed.jsonl",
                        List.of(Fixtures.line(
                                "test",
                                "a-0",
                                "education:BAC-STI2D:2016-09:11",
                                "education:BTS-SIO-SLAM:2018-09:11",
                                "job:M1806:2020-09:11")))),
                false,
                n -> {});
        assertNotEquals(before, tables(publish(db, "changed")));
        after.importFiles(List.of(file), false, n -> {});
        assertEquals(before, tables(publish(db, "back")));
        assertTrue(tables(publish(db, "back2")).get("paths.csv").contains("BTS-SIO-SLAM;M1805"));
    }
}
