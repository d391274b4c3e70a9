package fr.passerelle.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.recommend.StepService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextStepEvaluationTest {
    @TempDir
    Path dir;

    private static RawTrajectory person(String id, String... codes) {
        List<RawStep> steps = new ArrayList<>();
        int year = 2015;
        for (String code : codes) {
            String kind = code.matches("[A-N]\\d{4}") ? "job" : "education";
            steps.add(new RawStep(kind, code, (year++) + "-09", null, null));
        }
        return new RawTrajectory("eval", id, steps, id);
    }

    @Test
    void historyHelpsWhereThePastDecidesTheFuture(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // From BTS-MCO, commerce bacs go to D1301 and STMG bacs to M1203: only the path tells which.
        List<RawTrajectory> people = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            people.add(
                    i % 2 == 0
                            ? person("a" + i, "BAC-PRO-MCV", "BTS-MCO", "D1301")
                            : person("b" + i, "BAC-STMG", "BTS-MCO", "M1203"));
        }
        NextStepEvaluation.Split split = NextStepEvaluation.split(people, 1);
        assertTrue(
                split.test().size() > 20 && split.test().size() < 80,
                "about a fifth held out: " + split.test().size());
        assertEquals(200, split.train().size() + split.test().size());

        Database db = TestNeo4j.reset();
        Fixtures.importer(db, 100).importRecords(split.train(), n -> {});
        // Answers through the release, as the API gives them.
        fr.passerelle.publish.ReleaseApi release = Fixtures.release(db, dir);
        StepService steps = Fixtures.services(release).steps();
        Normaliser normaliser =
                new Normaliser(Catalogue.bundled(), Regions.bundled(), Fixtures.KEY, Normaliser.RegionLevel.REGION);
        Map<String, NextStepEvaluation.Score> scores = new java.util.HashMap<>();
        NextStepEvaluation.evaluate(steps, normaliser, split.test(), steps.popularDestinations())
                .forEach(s -> scores.put(s.recommender(), s));

        // Each held-out person asks twice: after the bac (one answer), after the BTS (two answers).
        assertEquals(2L * split.test().size(), scores.get("first-order").questions());
        assertEquals(1.0, scores.get("path-conditioned").hitAt1(), 1e-9);
        assertEquals(1.0, scores.get("path + back-off").hitAt1(), 1e-9);
        double firstOrder = scores.get("first-order").hitAt1();
        assertTrue(firstOrder > 0.6 && firstOrder < 0.9, "first-order guesses half the BTS questions: " + firstOrder);
        assertEquals(1.0, scores.get("first-order").hitAt3(), 1e-9);
        assertEquals(1.0, scores.get("first-order").coverage(), 1e-9);
        release.close();
    }

    @Test
    void timeSpentHelpsWhereTheStayDecidesTheFuture(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // Same path for everyone; who leaves BTS-MCO after 2 years goes to D1301, who stays 3 to M1203.
        List<RawTrajectory> people = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean quick = i % 2 == 0;
            people.add(new RawTrajectory(
                    "eval",
                    "s" + i,
                    List.of(
                            new RawStep("education", "BAC-STMG", "2015-09", null, null),
                            new RawStep("education", "BTS-MCO", "2017-09", null, null),
                            new RawStep("job", quick ? "D1301" : "M1203", quick ? "2019-09" : "2020-09", null, null)),
                    "s" + i));
        }
        NextStepEvaluation.Split split = NextStepEvaluation.split(people, 1);
        Database db = TestNeo4j.reset();
        Fixtures.importer(db, 100).importRecords(split.train(), n -> {});
        fr.passerelle.publish.ReleaseApi release = Fixtures.release(db, dir);
        StepService steps = Fixtures.services(release).steps();
        Normaliser normaliser =
                new Normaliser(Catalogue.bundled(), Regions.bundled(), Fixtures.KEY, Normaliser.RegionLevel.REGION);
        Map<String, NextStepEvaluation.Score> scores = new java.util.HashMap<>();
        NextStepEvaluation.evaluate(steps, normaliser, split.test(), steps.popularDestinations())
                .forEach(s -> scores.put(s.recommender(), s));

        // After BTS-MCO the path says nothing (half right at best), the time spent says everything.
        double path = scores.get("path + back-off").hitAt1();
        assertTrue(path < 0.8, "the path cannot tell: " + path);
        assertEquals(1.0, scores.get("since-conditioned").hitAt1(), 1e-9);
        assertEquals(1.0, scores.get("since + path back-off").hitAt1(), 1e-9);
        assertTrue(
                scores.get("since-conditioned").brier()
                        < scores.get("path + back-off").brier() - 0.2,
                "sure and right shares score better: " + scores.get("since-conditioned") + " vs "
                        + scores.get("path + back-off"));
        release.close();
    }

    @Test
    void mvadSpellsBecomeTrajectories() throws Exception {
        Path spells = dir.resolve("spells.csv");
        Files.writeString(
                spells,
                "id,spell_idx,state,start_month,end_month,n_months\n"
                        + "1,0,school,Jul.93,Jun.95,24\n1,1,employment,Jul.95,Jun.99,48\n2,0,joblessness,Sep.99,Jan.00,5\n");
        List<RawTrajectory> people = MvadConverter.read(spells);
        assertEquals(2, people.size());
        assertEquals(
                List.of(
                        new RawStep("education", "MVAD-SCHOOL", "1993-07", "1995-06", null),
                        new RawStep("job", "MVAD-EMPLOYMENT", "1995-07", "1999-06", null)),
                people.get(0).steps());
        assertEquals("2000-01", people.get(1).steps().get(0).end());
        Files.writeString(spells, "id,spell_idx,state,start_month,end_month,n_months\n1,0,prison,Jul.93,Jun.95,24\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MvadConverter.read(spells));
        assertTrue(e.getMessage().endsWith(":2: unknown mvad state \"prison\""), e.getMessage());
        assertTrue(
                Catalogue.bundled("/import/mvad-catalogue.csv").find("MVAD-FE").isPresent());
    }
}
