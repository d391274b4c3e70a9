package fr.passerelle.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkReachEvaluationTest {
    /**
     * Everyone leaves a bac pro MCV in June 2016; three in four take a target job (D1403), one in four a cleaning
     * job (K2204), and stay. The road decides the situation a year on, the step alone does not: the carrefour must score far better
     * than the step's mix on held-out people, and say so in its Brier score.
     */
    @Test
    void theRoadPredictsHeldOutPeopleBetterThanTheStepAlone(@TempDir Path dir) {
        List<RawTrajectory> people = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String job = i % 4 != 0 ? "D1403" : "K2204";
            people.add(new RawTrajectory(
                    "eval",
                    "p" + i,
                    List.of(
                            new RawStep("education", "BAC-PRO-MCV", "2013-09", "2016-06", null),
                            new RawStep("job", job, "2016-09", null, null)),
                    "p" + i));
        }
        NextStepEvaluation.Split split = NextStepEvaluation.split(people, 3);
        Database db = TestNeo4j.reset();
        Fixtures.importer(db, 100).importRecords(split.train(), n -> {});
        fr.passerelle.publish.ReleaseApi release = Fixtures.release(db, dir);
        try {
            var services = Fixtures.services(release);
            Normaliser normaliser =
                    new Normaliser(Catalogue.bundled(), Regions.bundled(), Fixtures.KEY, Normaliser.RegionLevel.REGION);
            Map<String, ForkReachEvaluation.Score> scores = new HashMap<>();
            ForkReachEvaluation.evaluate(
                            services.forks(),
                            services.reach(),
                            Catalogue.bundled(),
                            normaliser,
                            split.test(),
                            2026 * 12)
                    .forEach(s -> scores.put(s.name(), s));
            ForkReachEvaluation.Score year = scores.get("fork 12 months");
            assertEquals(split.test().size(), year.questions(), "one question per held-out person: " + year);
            assertEquals(1.0, year.covered(), 1e-9, year.toString());
            assertTrue(year.brier() < 0.05, "the road says where they are: " + year);
            assertTrue(year.baselineBrier() > 0.3, "the step alone cannot: " + year);
            assertTrue(year.calibrationError() < 0.1, year.toString());
            ForkReachEvaluation.Score reach = scores.get("reach (every horizon)");
            // Each target's own share (three in four, one in four) beats one share for all.
            assertTrue(reach.questions() > 0 && reach.brier() < reach.baselineBrier() - 0.03, reach.toString());
        } finally {
            release.close();
        }
    }
}
