package fr.passerelle.ingest;

import static fr.passerelle.Fixtures.line;
import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTest {
    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void reset() {
        db = TestNeo4j.reset();
    }

    private ImportReport importFile(Path file) {
        return Fixtures.importer(db, 7).importFiles(List.of(file), false, n -> {});
    }

    private List<String> population() {
        List<String> lines = new ArrayList<>();
        lines.addAll(people(
                "a", 30, "education:BAC-STMG:2017-09:84", "education:BTS-MCO:2019-09:84", "job:D1301:2021-09:84"));
        lines.addAll(people("b", 12, "education:BAC-STMG:2017-09", "education:BTS-NDRC:2019-09", "job:D1402:2021-10"));
        lines.addAll(people("c", 4, "education:BAC-STMG:2017-09", "job:D1505:2019-07"));
        return lines;
    }

    @Test
    void countsDistinctPeopleAndDurations() {
        importFile(Fixtures.write(dir, "p.jsonl", population()));
        Map<String, Object> stmg = db.read("queries/step-by-id", Map.of("id", "BAC-STMG"), r -> r.asMap())
                .get(0);
        assertEquals(46L, stmg.get("people"));
        assertEquals(46L, stmg.get("peopleOut"));
        assertEquals(0L, stmg.get("peopleIn"));
        List<Map<String, Object>> next = db.read("queries/next-steps", Map.of("step", "BAC-STMG"), r -> r.asMap());
        assertEquals(
                List.of("BTS-MCO", "BTS-NDRC", "D1505"),
                next.stream().map(m -> m.get("id")).toList());
        assertEquals(
                List.of(30L, 12L, 4L), next.stream().map(m -> m.get("people")).toList());
        assertEquals(24L, next.get(0).get("medianMonths"));
        assertEquals(22L, next.get(2).get("medianMonths"));
    }

    @Test
    void importingTwiceLeavesIdenticalCounts() {
        Path file = Fixtures.write(dir, "p.jsonl", population());
        ImportReport first = importFile(file);
        Map<String, Object> once = Fixtures.snapshot(db);
        ImportReport second = importFile(file);
        assertEquals(46, first.added());
        assertEquals(0, second.added());
        assertEquals(0, second.replaced());
        assertEquals(46, second.unchanged());
        assertEquals(once, Fixtures.snapshot(db));
    }

    @Test
    void anOverlappingFileLeavesIdenticalCounts() {
        List<String> all = population();
        importFile(Fixtures.write(dir, "first.jsonl", all.subList(0, 35)));
        importFile(Fixtures.write(dir, "second.jsonl", all.subList(20, 46)));
        Map<String, Object> overlapped = Fixtures.snapshot(db);
        TestNeo4j.reset();
        importFile(Fixtures.write(dir, "all.jsonl", all));
        assertEquals(Fixtures.snapshot(db), overlapped);
    }

    @Test
    void aNewerVersionReplacesTheOldOneAndAggregatesFollow() {
        List<String> v1 = population();
        importFile(Fixtures.write(dir, "v1.jsonl", v1));
        // Five of the BTS-MCO people now have a later job, and one changed the first job.
        List<String> v2 = new ArrayList<>(v1);
        for (int i = 0; i < 5; i++) {
            v2.set(
                    i,
                    line(
                            "test",
                            "a-" + i,
                            "education:BAC-STMG:2017-09:84",
                            "education:BTS-MCO:2019-09:84",
                            "job:D1301:2021-09:84",
                            "job:D1502:2023-01"));
        }
        v2.set(
                5,
                line(
                        "test",
                        "a-5",
                        "education:BAC-STMG:2017-09:84",
                        "education:BTS-MCO:2019-09:84",
                        "job:D1214:2021-09:84"));
        ImportReport report = importFile(Fixtures.write(dir, "v2.jsonl", v2));
        assertEquals(6, report.replaced());
        assertEquals(40, report.unchanged());
        Map<String, Object> replaced = Fixtures.snapshot(db);

        TestNeo4j.reset();
        importFile(Fixtures.write(dir, "fresh.jsonl", v2));
        assertEquals(Fixtures.snapshot(db), replaced);
        List<Map<String, Object>> next = db.read("queries/next-steps", Map.of("step", "BTS-MCO"), r -> r.asMap());
        assertEquals(List.of(29L, 1L), next.stream().map(m -> m.get("people")).toList());
    }

    @Test
    void aPersonGoingBackAndForthCountsOnceOnEachTransition() {
        importFile(Fixtures.write(
                dir,
                "loop.jsonl",
                List.of(line(
                        "test",
                        "x",
                        "job:M1805:2015-01",
                        "job:M1806:2016-01",
                        "job:M1805:2018-01",
                        "job:M1806:2019-06"))));
        List<Map<String, Object>> t = db.read("test/snapshot-transitions", Map.of(), r -> r.asMap());
        assertEquals(2, t.size());
        Map<String, Object> forward = t.stream()
                .filter(m -> m.get("from").equals("M1805"))
                .findFirst()
                .orElseThrow();
        assertEquals(1L, forward.get("people"));
        assertEquals(12L, forward.get("medianMonths"), "the first occurrence gives the duration");
        Map<String, Object> step = db.read("queries/step-by-id", Map.of("id", "M1805"), r -> r.asMap())
                .get(0);
        assertEquals(1L, step.get("people"));
    }

    @Test
    void consecutiveRepeatsOfAStepBecomeOneStep() {
        importFile(Fixtures.write(
                dir,
                "repeat.jsonl",
                List.of(line("test", "x", "job:M1805:2015-01", "job:M1805:2016-01", "job:M1806:2018-01"))));
        List<Map<String, Object>> t = db.read("test/snapshot-transitions", Map.of(), r -> r.asMap());
        assertEquals(1, t.size());
        assertEquals(36L, t.get(0).get("medianMonths"));
    }

    @Test
    void malformedLinesAreReportedWithFileAndLineAndSkipped() {
        List<String> lines = new ArrayList<>(people("ok", 3, "education:BTS-MCO:2019-09", "job:D1301:2021-09"));
        lines.add("{\"source\":\"test\",\"id\":\"broken\",\"steps\":[");
        lines.add(line("test", "unknown", "job:X9999:2020-01"));
        lines.add(line("test", "baddate", "job:M1805:2020-13"));
        lines.add(line("test", "kind", "education:M1805:2020-01"));
        lines.add("{\"source\":\"test\",\"id\":\"nosteps\"}");
        lines.add(line("bad source!", "x", "job:M1805:2020-01"));
        Path file = Fixtures.write(dir, "mixed.jsonl", lines);
        ImportReport report = importFile(file);
        assertEquals(3, report.added());
        assertEquals(6, report.skipped());
        List<String> problems =
                report.problems().stream().map(InputProblem::toString).toList();
        assertTrue(problems.get(0).startsWith(file + ":4: not valid JSON"), problems.get(0));
        assertEquals(file + ":5: step 1: unknown step code \"X9999\" (job)", problems.get(1));
        assertTrue(problems.get(2).startsWith(file + ":6: step 1: start is not a plausible date"), problems.get(2));
        assertEquals(file + ":7: step 1: code M1805 is job in the catalogue, not education", problems.get(3));
        assertEquals(file + ":8: \"steps\" must be an array", problems.get(4));
        assertTrue(problems.get(5).startsWith(file + ":9: \"source\" must be a short name"), problems.get(5));
        assertEquals(
                3L,
                db.read("person/people-count", Map.of(), r -> r.get("people").asLong())
                        .get(0));
    }

    @Test
    void strictModeRejectsTheWholeFileAndWritesNothing() {
        List<String> lines = new ArrayList<>(people("ok", 20, "education:BTS-MCO:2019-09", "job:D1301:2021-09"));
        lines.add(line("test", "unknown", "job:X9999:2020-01"));
        ImportReport report =
                Fixtures.importer(db, 7).importFiles(List.of(Fixtures.write(dir, "s.jsonl", lines)), true, n -> {});
        assertTrue(report.rejected());
        assertEquals(
                0L,
                db.read("person/people-count", Map.of(), r -> r.get("people").asLong())
                        .get(0));
        assertEquals(
                0L,
                db.read(
                                "queries/step-by-id",
                                Map.of("id", "BTS-MCO"),
                                r -> r.get("people").asLong())
                        .get(0));
    }

    @Test
    void csvLongFormatGivesTheSameGraphAsJsonLines() {
        importFile(Fixtures.write(dir, "p.jsonl", population()));
        Map<String, Object> fromJson = Fixtures.snapshot(db);
        TestNeo4j.reset();
        List<String> csv = new ArrayList<>();
        csv.add("source,id,seq,kind,code,label,start,end,region,comment");
        // Rows out of order and interleaved: seq decides.
        List<String> lines = population();
        for (int i = 0; i < lines.size(); i++) {
            String prefix = i < 30 ? "a-" + i : i < 42 ? "b-" + (i - 30) : "c-" + (i - 42);
            if (i < 30) {
                csv.add("test," + prefix + ",3,job,D1301,Manager,2021-09,,84,free text dropped");
                csv.add("test," + prefix + ",1,education,BAC-STMG,\"Bac STMG, mention\",2017-09,,84,");
                csv.add("test," + prefix + ",2,education,BTS-MCO,BTS MCO,2019-09,,84,");
            } else if (i < 42) {
                csv.add("test," + prefix + ",1,education,BAC-STMG,,2017-09,,,");
                csv.add("test," + prefix + ",2,education,BTS-NDRC,,2019-09,,,");
                csv.add("test," + prefix + ",3,job,D1402,,2021-10,,,");
            } else {
                csv.add("test," + prefix + ",1,education,BAC-STMG,,2017-09,,,");
                csv.add("test," + prefix + ",2,job,D1505,,2019-07,,,");
            }
        }
        ImportReport report = importFile(Fixtures.write(dir, "p.csv", csv));
        assertEquals(46, report.added());
        assertEquals(134L, report.droppedFields().get("comment"), "one per row");
        assertEquals(fromJson, Fixtures.snapshot(db));
    }

    @Test
    void aBadCsvRowSkipsThatWholePerson() {
        List<String> csv = List.of(
                "source,id,seq,kind,code,label,start,end,region",
                "test,p1,1,education,BTS-MCO,,2019-09,,",
                "test,p1,2,job,D1301,,2021-09,,",
                "test,p2,1,education,BTS-MCO,,2019-09,,",
                "test,p2,two,job,D1301,,2021-09,,",
                "test,p2,3,job,D1502,,2022-09,,",
                "test,p3,1,education,BTS-MCO,,2019-09",
                "test,p3,2,job,D1301,,2021-09,,");
        Path file = Fixtures.write(dir, "bad.csv", csv);
        ImportReport report = importFile(file);
        assertEquals(1, report.added());
        List<String> problems =
                report.problems().stream().map(InputProblem::toString).toList();
        assertEquals(
                List.of(
                        file + ":5: seq must be a whole number, got \"two\" (this person's rows were skipped)",
                        file + ":7: expected 9 columns, found 7 (this person's rows were skipped)"),
                problems);
    }

    @Test
    void aCrashMidImportLeavesConsistentDataAndARerunFinishesExactly() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(line(
                    "test",
                    "p" + i,
                    "education:BAC-STMG:2017-09",
                    i % 2 == 0 ? "education:BTS-MCO:2019-09" : "education:BTS-CG:2019-09",
                    "job:M1203:2021-09"));
        }
        Path file = Fixtures.write(dir, "crash.jsonl", lines);
        Database doomed = TestNeo4j.connect();
        Importer importer = Fixtures.importer(doomed, 10);
        long[] batches = {0};
        // The connection dies after the third batch, as it would if the process were killed.
        assertThrows(
                RuntimeException.class,
                () -> importer.importFiles(List.of(file), false, n -> {
                    if (++batches[0] == 3) {
                        doomed.close();
                    }
                }));
        long stored = db.read(
                        "person/people-count", Map.of(), r -> r.get("people").asLong())
                .get(0);
        assertEquals(30, stored, "three whole batches, nothing of the fourth");
        Map<String, Object> step = db.read("queries/step-by-id", Map.of("id", "BAC-STMG"), r -> r.asMap())
                .get(0);
        assertEquals(30L, step.get("people"), "aggregates match the people stored");

        ImportReport rerun = importFile(file);
        assertEquals(30, rerun.unchanged());
        assertEquals(30, rerun.added());
        Map<String, Object> finished = Fixtures.snapshot(db);
        TestNeo4j.reset();
        importFile(file);
        assertEquals(Fixtures.snapshot(db), finished);
    }

    @Test
    void regionsAreKeptOnlyAtRegionLevel() {
        importFile(Fixtures.write(
                dir,
                "r.jsonl",
                List.of(line(
                        "test",
                        "r1",
                        "job:M1805:2015-01:Auvergne-Rhône-Alpes",
                        "job:M1806:2016-01:dep:75",
                        "job:M1810:2017-01:12 rue de la Paix, Lyon"))));
        List<Map<String, Object>> persons = db.read("test/snapshot-persons", Map.of(), r -> r.asMap());
        assertEquals(List.of("84", "11", ""), persons.get(0).get("regions"));
        assertNotEquals(List.of(), persons.get(0).get("starts"));
        assertFalse(persons.get(0).toString().contains("Lyon"));
    }
}
