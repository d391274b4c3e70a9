package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Vérité des prix" over HTTP on a real release: a BTS SIO SLAM (Certif Info 106519, target jobs
 * M1801, M1805, M1810) whose leavers went to a target job, another job of the same field (M18), of
 * the same grand domain (M), of another domain, further study, or nowhere known.
 */
class FitApiTest {
    static Javalin app;
    static fr.passerelle.publish.ReleaseApi release;
    static ApiClient api;

    /** People by situation 12 months after the end; "" = nothing after the BTS. */
    static final Map<String, Integer> PLANTED = Map.of(
            "M1805", 40, // target
            "M1802", 20, // same professional field (M18)
            "M1203", 15, // same grand domain (M)
            "D1505", 16, // another domain
            "LIC-INFO", 25, // further study
            "", 14); // other

    @BeforeAll
    static void start(@TempDir Path dir) {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        PLANTED.forEach((next, n) -> {
            for (int i = 0; i < n; i++) {
                String bts =
                        "{\"kind\":\"education\",\"code\":\"BTS-SIO-SLAM\",\"start\":\"2018-09\",\"end\":\"2020-06\"}";
                String after = next.isEmpty()
                        ? ""
                        : ",{\"kind\":\"" + (next.matches("[A-N]\\d{4}") ? "job" : "education") + "\",\"code\":\""
                                + next + "\",\"start\":\"2020-09\"}";
                lines.add(
                        "{\"source\":\"test\",\"id\":\"fit-" + next + "-" + i + "\",\"steps\":[" + bts + after + "]}");
            }
        });
        Fixtures.importer(db, 100).importFiles(List.of(Fixtures.write(dir, "fit.jsonl", lines)), false, n -> {});
        release = fr.passerelle.publish.ReleaseApi.start(
                16L << 20,
                Fixtures.publisher(db)
                        .withMarket(fr.passerelle.market.MarketNotes.load(Fixtures.marketFiles(dir.resolve("market"))))
                        .withOfficial(officialFigures(dir.resolve("official")))
                        .publish(dir.resolve("published")));
        app = ApiServer.create(Fixtures.services(release)).start("127.0.0.1", 0);
        api = new ApiClient(app);
    }

    @Test
    void labourMarketNotesDescribeTheJobWithTheirSources() throws Exception {
        JsonNode m = api.json("/api/steps/M1805/market?region=provence-alpes-cote-d-azur", 200);
        assertEquals(5, m.get("national").get("tensionCategory").asInt());
        assertEquals("M2Z90", m.get("national").get("fap").asText());
        assertTrue(m.get("national").get("crosswalk").asText().contains("the largest by employment of its 2"));
        assertEquals(38000, m.get("national").get("medianAnnualSalary").asInt());
        assertEquals(
                5, m.get("national").get("components").get("labourShortage").asInt());
        assertEquals(4, m.get("national").get("components").get("trainingLink").asInt());
        assertTrue(m.get("national").get("source").asText().contains("DARES / France Travail 2019"));
        assertEquals("93", m.get("regional").get("geo").asText());
        assertEquals(4, m.get("regional").get("tensionCategory").asInt());
        assertTrue(m.get("regional").get("medianAnnualSalary").isNull(), "France Travail's figures are national");
        assertEquals(3, m.get("sources").size());
        assertTrue(m.get("caption").asText().contains("not the people"));

        JsonNode other = api.json("/api/steps/M1802/market?region=93", 200);
        assertEquals(2, other.get("national").get("tensionCategory").asInt());
        assertEquals(
                "no regional tension for this job family in the files",
                other.get("reasons").get("regional").asText());
        assertTrue(api.json("/api/steps/BTS-SIO-SLAM/market", 200)
                .get("reasons")
                .get("national")
                .asText()
                .contains("not a job"));
        assertEquals(
                "region",
                api.json("/api/steps/M1805/market?region=atlantis", 400)
                        .get("parameter")
                        .asText());

        // annotate=market puts the brief beside the answer's jobs.
        JsonNode annotated = api.json("/api/steps/BTS-SIO-SLAM/fit/jobs?months=12&annotate=market", 200);
        assertEquals(
                5, annotated.get("market").get("M1805").get("tensionCategory").asInt());
        assertEquals(
                38000,
                annotated.get("market").get("M1805").get("medianAnnualSalary").asInt());
        assertTrue(api.json("/api/steps/BTS-SIO-SLAM/fit/jobs?months=12", 200)
                .path("market")
                .isMissingNode());
        // On outcomes (situations by domain), the notes of the programme's target jobs; on bridges, of the jobs named.
        JsonNode outcomes = api.json("/api/steps/BTS-SIO-SLAM/outcomes?annotate=market", 200);
        assertEquals(
                5, outcomes.get("market").get("M1805").get("tensionCategory").asInt());
        assertTrue(outcomes.get("outcomes").size() > 0);
        JsonNode bridges = api.json("/api/bridges?from=BTS-SIO-SLAM&to=M1805&annotate=market", 200);
        assertEquals(
                5, bridges.get("market").get("M1805").get("tensionCategory").asInt(), bridges.toString());
        assertTrue(
                api.json("/api/steps/M1805/reconversions?annotate=market", 200).has("market"));
        JsonNode next = api.json("/api/steps/BTS-SIO-SLAM/next?annotate=market", 200);
        assertEquals(5, next.get("market").get("M1805").get("tensionCategory").asInt());
        assertEquals(
                "annotate",
                api.json("/api/steps/BTS-SIO-SLAM/next?annotate=salary", 400)
                        .get("parameter")
                        .asText());

        // The register names the public files beside the personal sources.
        String register =
                api.json("/api/privacy", 200).get("nonPersonalSources").toString();
        assertTrue(register.contains("tensions.csv") && register.contains("DARES"), register);
    }

    static fr.passerelle.market.InserJeunes officialFigures(Path dir) {
        Path[] files = Fixtures.inserJeunesFiles(dir);
        return fr.passerelle.market.InserJeunes.load(fr.passerelle.catalog.Catalogue.bundled(), files[0], files[1]);
    }

    @Test
    void aStepSaysWhatItPromisesAndHowMuchOfAYearsOfficialCohortTheReleaseHolds() throws Exception {
        JsonNode step = api.json("/api/steps/BTS-SIO-SLAM", 200);
        assertEquals(3, step.get("targets").size());
        assertTrue(step.get("targetSource").asText().contains("106519"));
        JsonNode coverage = step.get("coverage");
        // 150 final-year students over two millésimes; 130 leavers of 2020 (the 2019-2021 cohort), a third per year.
        assertEquals(75, coverage.get("officialFinalYearPerYear").asInt());
        assertEquals("2021_2022;2022_2023", coverage.get("millesimes").asText());
        long leavers = coverage.get("releasedLeavers").asLong();
        assertTrue(leavers >= 130 - Fixtures.NOISE.maxNoise(), coverage.toString());
        assertEquals(
                Math.round(leavers / 3.0),
                coverage.get("releasedLeaversPerYear").asLong());
        assertEquals(
                Math.round(10000.0 * Math.round(leavers / 3.0) / 75) / 10000.0,
                coverage.get("share").asDouble(),
                1e-9);
        // A step InserJeunes does not follow has no coverage; a job promises nothing.
        assertTrue(api.json("/api/steps/BTS-MCO", 200).get("coverage").isNull());
        assertEquals(0, api.json("/api/steps/M1805", 200).get("targets").size());
    }

    @AfterAll
    static void stop() {
        app.stop();
        release.close();
    }

    private static void near(long expected, JsonNode actual, String what) {
        assertTrue(actual.isNumber(), what + " withheld");
        assertTrue(
                Math.abs(actual.asLong() - expected) <= Fixtures.NOISE.maxNoise(),
                what + ": " + actual + " for " + expected + " people");
    }

    @Test
    void thePromiseAgainstWhatBecameOfThePeople() throws Exception {
        JsonNode fit = api.json("/api/steps/BTS-SIO-SLAM/fit?months=12", 200);
        List<String> targets = new ArrayList<>();
        fit.get("targets").forEach(t -> targets.add(t.get("code").asText()));
        assertEquals(List.of("M1801", "M1805", "M1810"), targets);
        assertEquals(
                "Études et développement informatique",
                fit.get("targets").get(1).get("label").asText());
        assertTrue(
                fit.get("targetSource").asText().contains("Certif Info 106519"),
                fit.get("targetSource").toString());

        Map<String, JsonNode> by = new HashMap<>();
        fit.get("situations").forEach(x -> by.put(x.get("situation").asText(), x));
        near(40, by.get("target").get("people"), "target");
        near(20, by.get("sameField").get("people"), "same field");
        near(15, by.get("sameDomain").get("people"), "same domain");
        near(16, by.get("otherDomain").get("people"), "other domain");
        near(25, by.get("study").get("people"), "study");
        near(14, by.get("other").get("people"), "other");

        // The denominator is its own released count (people not in further study), raised at most to its parts.
        long outside = fit.get("peopleOutsideStudy").asLong();
        long parts = 0;
        for (String s : List.of("target", "sameField", "sameDomain", "otherDomain", "other")) {
            parts += by.get(s).get("people").asLong();
        }
        assertTrue(outside >= parts, "people outside study " + outside + " below their situations' " + parts);
        assertTrue(outside <= Math.max(105 + Fixtures.NOISE.maxNoise(), parts), "people outside study " + outside);
        double rate = by.get("target").get("people").asDouble() / outside;
        assertEquals(
                Math.round(rate * 10000) / 10000.0,
                fit.get("fitRate").get("value").asDouble(),
                1e-9);
        assertTrue(fit.get("fitRate").get("low").asDouble() < rate
                && rate < fit.get("fitRate").get("high").asDouble());

        // One number for the cohort: the outcomes' people 12 months after the end.
        JsonNode outcomes = api.json("/api/steps/BTS-SIO-SLAM/outcomes?months=12", 200);
        assertEquals(outcomes.get("outcomes").get(0).get("people"), fit.get("people"));
        assertEquals(
                "the step nationally, 12 months after its end",
                fit.get("scope").get("used").asText());
        assertTrue(fit.get("evidence").get("query").asText().contains("cypher/queries/fit.cypher"));

        // By exit cohort: everybody left in June 2020, the 2019-2021 cohort; jobs are not split by fit there.
        JsonNode byCohort = api.json("/api/steps/BTS-SIO-SLAM/outcomes?months=12&by=cohort", 200);
        assertEquals(1, byCohort.get("cohorts").size(), byCohort.toString());
        JsonNode cohort = byCohort.get("cohorts").get(0);
        assertEquals("2019-2021", cohort.get("cohort").asText());
        assertTrue(cohort.get("people").asLong() >= 130 - Fixtures.NOISE.maxNoise(), cohort.toString());
        Map<String, JsonNode> bySituation = new HashMap<>();
        cohort.get("situations").forEach(x -> bySituation.put(x.get("situation").asText(), x));
        near(91, bySituation.get("job").get("people"), "in a job");
        near(25, bySituation.get("study").get("people"), "in further study");
        near(14, bySituation.get("other").get("people"), "elsewhere");
        assertTrue(outcomes.get("cohorts").isNull(), "by exit cohort only when asked");
    }

    @Test
    void theJobsBehindTheFit() throws Exception {
        JsonNode jobs = api.json("/api/steps/BTS-SIO-SLAM/fit/jobs?months=12", 200);
        assertEquals(1, jobs.get("targetsObserved").size());
        assertEquals(
                "M1805", jobs.get("targetsObserved").get(0).get("job").get("id").asText());
        List<String> notObserved = new ArrayList<>();
        jobs.get("targetsNotObserved")
                .forEach(t -> notObserved.add(t.get("code").asText()));
        assertEquals(List.of("M1801", "M1810"), notObserved);
        assertEquals(
                "fewer than k", jobs.get("reasons").get("targetsNotObserved").asText());
        Map<String, String> situations = new HashMap<>();
        jobs.get("otherJobs")
                .forEach(j -> situations.put(
                        j.get("job").get("id").asText(), j.get("situation").asText()));
        assertEquals(Map.of("M1802", "sameField", "M1203", "sameDomain", "D1505", "otherDomain"), situations);
    }

    @Test
    void aStepWithoutTargetJobsAndBadHorizonsSaySo() throws Exception {
        JsonNode general = api.json("/api/steps/BAC-G-MATHS-PC/fit", 200);
        assertEquals(0, general.get("targets").size());
        assertTrue(general.get("reasons").get("targets").asText().startsWith("no target jobs"));
        JsonNode bad = api.json("/api/steps/BTS-SIO-SLAM/fit?months=7", 400);
        assertEquals("months", bad.get("parameter").asText());
        assertTrue(bad.toString().contains("[6, 12, 24, 36]"), bad.toString());
        assertEquals(
                "monthss",
                api.json("/api/steps/BTS-SIO-SLAM/fit/jobs?monthss=12", 400)
                        .get("parameter")
                        .asText());
        assertEquals(
                "unknown step",
                api.json("/api/steps/BTS-SIO/fit", 404).get("error").asText());
    }
}
