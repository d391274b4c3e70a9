package fr.passerelle.lifecycle;

import static fr.passerelle.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.ImportReport;
import fr.passerelle.ingest.Importer;
import fr.passerelle.ingest.Normaliser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasureTest {
    static final String[] STEPS = {
        "education:BAC-STMG",
        "education:BTS-MCO",
        "education:BTS-NDRC",
        "job:D1301",
        "job:D1502",
        "job:D1505",
        "education:TP-DWWM",
        "job:M1805"
    };

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void reset() {
        db = TestNeo4j.reset();
    }

    private ImportReport importLines(String name, List<String> lines) {
        return Fixtures.importer(db, 16).importFiles(List.of(Fixtures.write(dir, name, lines)), false, n -> {});
    }

    private Erasure erasure(Clock clock) {
        return new Erasure(db, Fixtures.KEY, clock);
    }

    private static String randomPerson(SplittableRandom random, String id) {
        List<String> steps = new ArrayList<>();
        int year = 2010 + random.nextInt(10);
        for (int s = 0; s < 1 + random.nextInt(5); s++) {
            steps.add(STEPS[random.nextInt(STEPS.length)] + ":" + (year + s) + "-0" + (1 + random.nextInt(9)));
        }
        return line("test", id, steps.toArray(String[]::new));
    }

    @Test
    void erasingPeopleLeavesExactlyTheGraphOfNeverHavingImportedThem() {
        SplittableRandom random = new SplittableRandom(4);
        for (int round = 0; round < 8; round++) {
            List<String> all = new ArrayList<>();
            Set<String> erased = new HashSet<>();
            List<String> kept = new ArrayList<>();
            int people = 20 + random.nextInt(60);
            for (int i = 0; i < people; i++) {
                String person = randomPerson(random, "p" + i);
                all.add(person);
                if (random.nextDouble() < 0.3) {
                    erased.add("p" + i);
                } else {
                    kept.add(person);
                }
            }
            TestNeo4j.reset();
            importLines("kept.jsonl", kept);
            Map<String, Object> expected = Fixtures.snapshot(db);

            TestNeo4j.reset();
            importLines("all.jsonl", all);
            List<Erasure.Receipt> receipts =
                    erasure(Fixtures.CLOCK).erase("test", new ArrayList<>(erased), Erasure.Reason.ERASURE);
            assertEquals(
                    erased.size(),
                    receipts.stream().filter(Erasure.Receipt::found).count());
            assertEquals(expected, Fixtures.snapshot(db), "round " + round);
        }
    }

    @Test
    void erasingAnUnknownPersonStillListsThePseudonym() {
        List<Erasure.Receipt> receipts =
                erasure(Fixtures.CLOCK).erase("test", List.of("nobody"), Erasure.Reason.ERASURE);
        Erasure.Receipt r = receipts.get(0);
        assertFalse(r.found());
        assertTrue(r.doNotCollect());
        assertEquals(Fixtures.KEY.pseudonym("test", "nobody"), r.pseudonym());
        assertEquals(0, r.stepsRemoved());
        ImportReport later = importLines("later.jsonl", List.of(line("test", "nobody", "job:M1805:2020-01")));
        assertEquals(1, later.doNotCollect());
        assertEquals(0, later.added());
    }

    @Test
    void theDoNotCollectListIsHonouredOnEveryLaterImport() {
        List<String> lines = List.of(
                line("test", "a", "education:BTS-MCO:2018-09", "job:D1301:2020-09"),
                line("test", "b", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        importLines("first.jsonl", lines);
        Erasure.Receipt receipt = erasure(Fixtures.CLOCK)
                .erase("test", List.of("a"), Erasure.Reason.ERASURE)
                .get(0);
        assertTrue(receipt.found());
        assertEquals(2, receipt.stepsRemoved());
        assertEquals(1, receipt.transitionsAffected());
        Map<String, Object> afterErasure = Fixtures.snapshot(db);
        ImportReport again = importLines("again.jsonl", lines);
        assertEquals(1, again.doNotCollect());
        assertEquals(1, again.unchanged());
        assertEquals(afterErasure, Fixtures.snapshot(db));
    }

    @Test
    void aWithdrawnProfileIsErasedListedAndNeverCollectedAgain() {
        importLines(
                "v1.jsonl",
                List.of(
                        line("web", "x", "education:BTS-MCO:2018-09", "job:D1301:2020-09"),
                        line("web", "y", "education:BTS-MCO:2018-09", "job:D1301:2020-09")));
        ImportReport withdrawal =
                importLines("v2.jsonl", List.of("{\"source\":\"web\",\"id\":\"x\",\"status\":\"private\"}"));
        assertEquals(1, withdrawal.withdrawn());
        assertEquals(
                1L,
                db.read(
                                "queries/step-by-id",
                                Map.of("id", "BTS-MCO"),
                                r -> r.get("people").asLong())
                        .get(0));
        ImportReport back =
                importLines("v3.jsonl", List.of(line("web", "x", "education:BTS-MCO:2018-09", "job:D1301:2020-09")));
        assertEquals(1, back.doNotCollect());
        assertEquals(
                1L,
                db.read("person/people-count", Map.of(), r -> r.get("people").asLong())
                        .get(0));
        ImportReport bad = importLines("v4.jsonl", List.of("{\"source\":\"web\",\"id\":\"y\",\"status\":\"maybe\"}"));
        assertTrue(bad.problems().get(0).reason().startsWith("\"status\" must be active, withdrawn"));
    }

    @Test
    void refreshingASourceErasesItsPeopleAbsentFromTheNewExport() {
        importLines(
                "full.jsonl",
                List.of(
                        line("univ", "1", "job:M1805:2020-01", "job:M1806:2021-01"),
                        line("univ", "2", "job:M1805:2020-01", "job:M1806:2021-01"),
                        line("other", "9", "job:M1805:2020-01")));
        ImportReport refresh = Fixtures.importer(db, 16)
                .importFiles(
                        List.of(Fixtures.write(
                                dir,
                                "refresh.jsonl",
                                List.of(line("univ", "1", "job:M1805:2020-01", "job:M1806:2021-01")))),
                        false,
                        "univ",
                        n -> {});
        assertEquals(1, refresh.absentErased());
        assertEquals(
                2L,
                db.read("person/people-count", Map.of(), r -> r.get("people").asLong())
                        .get(0),
                "the other source is untouched");
        // Absence is not an objection: the person may come back in a later export.
        ImportReport comeback = importLines("back.jsonl", List.of(line("univ", "2", "job:M1805:2020-01")));
        assertEquals(1, comeback.added());
    }

    @Test
    void purgeErasesRecordsPastTheRetentionLimitOnly() {
        Clock then = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
        Normaliser normaliser =
                new Normaliser(Catalogue.bundled(), Regions.bundled(), Fixtures.KEY, Normaliser.RegionLevel.REGION);
        new Importer(db, normaliser, Fixtures.KEY, Fixtures.RECORD_KEYS, 16, then)
                .importFiles(
                        List.of(Fixtures.write(
                                dir,
                                "old.jsonl",
                                List.of(line("test", "old", "job:M1805:2020-01", "job:M1806:2021-01")))),
                        false,
                        n -> {});
        importLines("new.jsonl", List.of(line("test", "new", "job:M1805:2020-01", "job:M1806:2021-01")));
        // Clock at 2026-11-28: 24 months back is 2024-11-28; "old" was collected 2024-06-01.
        List<Erasure.Receipt> purged = erasure(Fixtures.CLOCK).purge(24);
        assertEquals(1, purged.size());
        assertEquals(Fixtures.KEY.pseudonym("test", "old"), purged.get(0).pseudonym());
        assertFalse(purged.get(0).doNotCollect(), "expired records may be collected again");
        assertEquals(
                1L,
                db.read(
                                "queries/step-by-id",
                                Map.of("id", "M1805"),
                                r -> r.get("people").asLong())
                        .get(0));
        assertEquals(0, erasure(Fixtures.CLOCK).purge(24).size());
        // Collected again: the retention clock restarts.
        assertEquals(
                1,
                importLines("again.jsonl", List.of(line("test", "old", "job:M1805:2020-01")))
                        .added());
    }
}
