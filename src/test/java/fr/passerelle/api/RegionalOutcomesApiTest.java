package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.publish.CellName;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outcomes by the region a step was taken in, for observatories: a BTS MCO taken in Bretagne (53) by 30
 * people who then worked there, 14 who worked in Île-de-France and 12 who studied on, in Île-de-France (11) by 25 who worked, in
 * Auvergne-Rhône-Alpes (84) by 5 (too few), and by 12 whose region was not collected (a class of its
 * own). Expected figures are computed here from the people, their record keys and the cells' names.
 */
class RegionalOutcomesApiTest {
    static Javalin app;
    static ApiClient api;

    @BeforeAll
    static void start(@TempDir Path dir) {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        add(lines, "bzh-job", 30, "Bretagne", "Bretagne", "job:D1301");
        add(lines, "bzh-to-idf", 14, "Bretagne", "11", "job:D1301");
        add(lines, "bzh-study", 12, "Bretagne", "Bretagne", "education:LIC-PRO-COMMERCE");
        add(lines, "idf-job", 25, "11", "11", "job:D1301");
        add(lines, "ara-job", 5, "84", "84", "job:D1301");
        add(lines, "none-job", 12, null, null, "job:D1502");
        Fixtures.importer(db, 100).importFiles(List.of(Fixtures.write(dir, "regions.jsonl", lines)), false, n -> {});
        app = ApiServer.create(Fixtures.services(Fixtures.release(db, dir))).start("127.0.0.1", 0);
        api = new ApiClient(app);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static void add(List<String> lines, String prefix, int n, String region, String then, String next) {
        for (int i = 0; i < n; i++) {
            String where = region == null ? "" : ",\"region\":\"" + region + "\"";
            String whereNext = then == null ? "" : ",\"region\":\"" + then + "\"";
            lines.add("{\"source\":\"test\",\"id\":\"" + prefix + "-" + i + "\",\"steps\":["
                    + "{\"kind\":\"education\",\"code\":\"BTS-MCO\",\"start\":\"2018-09\",\"end\":\"2020-06\"" + where
                    + "},"
                    + "{\"kind\":\"" + next.split(":")[0] + "\",\"code\":\"" + next.split(":")[1]
                    + "\",\"start\":\"2020-09\"" + whereNext + "}]}");
        }
    }

    @Test
    void aRegionsProgrammeIsReadFromItsOwnCellsAndAThinOneFallsBackToTheNation() throws Exception {
        JsonNode answer = api.json("/api/steps/BTS-MCO/outcomes?months=12&region=53", 200);
        assertEquals("53", answer.get("region").asText());
        JsonNode at = answer.get("outcomes").get(0);
        List<String> job = new ArrayList<>(Fixtures.ids("bzh-job", 30));
        job.addAll(Fixtures.ids("bzh-to-idf", 14));
        List<String> study = Fixtures.ids("bzh-study", 12);
        long jobs = Fixtures.released(CellName.regionOutcome("BTS-MCO", 12, "53", "job"), job);
        long studies = Fixtures.released(CellName.regionOutcome("BTS-MCO", 12, "53", "study"), study);
        long cohort =
                Math.max(Fixtures.released(CellName.regionCohort("BTS-MCO", 12, "53"), job, study), jobs + studies);
        assertEquals(cohort, at.get("people").asLong());
        assertEquals(2, at.get("situations").size(), at.toString());
        for (JsonNode s : at.get("situations")) {
            assertEquals(
                    s.get("situation").asText().equals("job") ? jobs : studies,
                    s.get("people").asLong());
        }
        assertEquals(at.get("scope").get("asked"), at.get("scope").get("used"));
        assertTrue(at.get("scope").get("asked").asText().contains("in region 53"));
        // A name and a department are the same question.
        assertEquals(
                answer.get("outcomes"),
                api.json("/api/steps/BTS-MCO/outcomes?months=12&region=bretagne", 200)
                        .get("outcomes"));
        assertEquals(
                answer.get("outcomes"),
                api.json("/api/steps/BTS-MCO/outcomes?months=12&region=dep:29", 200)
                        .get("outcomes"));

        // Five people in 84: the nation answers, and says so.
        JsonNode thin = api.json("/api/steps/BTS-MCO/outcomes?months=12&region=84", 200)
                .get("outcomes")
                .get(0);
        JsonNode nation = api.json("/api/steps/BTS-MCO/outcomes?months=12", 200)
                .get("outcomes")
                .get(0);
        assertEquals(nation.get("people"), thin.get("people"));
        assertEquals(nation.get("situations"), thin.get("situations"));
        assertTrue(
                thin.get("scope").get("why").asText().startsWith("fewer than k people of region 84"), thin.toString());

        // The people whose region was not collected are counted, as a class of their own.
        JsonNode unknown = api.json("/api/steps/BTS-MCO/outcomes?months=12&region=unknown", 200)
                .get("outcomes")
                .get(0);
        List<String> none = Fixtures.ids("none-job", 12);
        long noneJobs = Fixtures.released(CellName.regionOutcome("BTS-MCO", 12, "unknown", "job"), none);
        assertEquals(
                Math.max(Fixtures.released(CellName.regionCohort("BTS-MCO", 12, "unknown"), none), noneJobs),
                unknown.get("people").asLong());

        // The regional tables hold 12 and 24 months only: another horizon is the nation's, said so.
        JsonNode six = api.json("/api/steps/BTS-MCO/outcomes?months=6&region=53", 200)
                .get("outcomes")
                .get(0);
        assertTrue(six.get("scope").get("why").asText().contains("[12, 24] months only"), six.toString());
        assertTrue(api.json("/api/steps/BTS-MCO/mobility?months=36", 200)
                .get("reasons")
                .get("regions")
                .asText()
                .contains("[12, 24] months only"));
        assertEquals(
                "not in the release",
                api.json("/api/steps/BTS-MCO/outcomes?region=53&by=cohort", 400)
                        .get("error")
                        .asText());
        assertEquals(
                "region",
                api.json("/api/steps/BTS-MCO/outcomes?region=atlantis", 400)
                        .get("parameter")
                        .asText());
    }

    @Test
    void retentionCountsWhoWorksInTheRegionAndWhereTheOthersWent() throws Exception {
        JsonNode m = api.json("/api/steps/BTS-MCO/mobility?months=12", 200);
        JsonNode bzh = null;
        for (JsonNode r : m.get("regions")) {
            if (r.get("region").asText().equals("53")) {
                bzh = r;
            }
            assertTrue(!r.get("region").asText().equals("84"), "five people in 84: withheld");
        }
        List<String> stayed = Fixtures.ids("bzh-job", 30);
        List<String> moved = Fixtures.ids("bzh-to-idf", 14);
        long same = Fixtures.released(CellName.mobility("BTS-MCO", 12, "53", "same"), stayed);
        long other = Fixtures.released(CellName.mobility("BTS-MCO", 12, "53", "other"), moved);
        long to = Fixtures.released(CellName.mobilityTo("BTS-MCO", 12, "53", "11"), moved);
        long otherFitted = Math.max(other, to);
        assertEquals("Bretagne", bzh.get("name").asText());
        assertEquals(same, bzh.get("sameRegion").get("people").asLong());
        assertEquals(otherFitted, bzh.get("otherRegion").get("people").asLong());
        assertEquals(
                Math.max(
                        Fixtures.released(CellName.mobilityBase("BTS-MCO", 12, "53"), stayed, moved),
                        same + otherFitted),
                bzh.get("peopleWorking").asLong());
        assertEquals("11", bzh.get("destinations").get(0).get("region").asText());
        assertEquals(to, bzh.get("destinations").get(0).get("people").asLong());
        assertTrue(bzh.get("regionUnknown").isNull());
        // The people whose region was not collected are their own class: their jobs' region is unknown too.
        JsonNode unknown = null;
        for (JsonNode r : m.get("regions")) {
            if (r.get("region").asText().equals("unknown")) {
                unknown = r;
            }
        }
        // From an unknown region, the unknown part is the whole: one released value, not a second draw of them.
        assertEquals(
                Fixtures.released(CellName.mobilityBase("BTS-MCO", 12, "unknown"), Fixtures.ids("none-job", 12)),
                unknown.get("regionUnknown").get("people").asLong());
        assertEquals(unknown.get("peopleWorking"), unknown.get("regionUnknown").get("people"));
        assertEquals(
                "months",
                api.json("/api/steps/BTS-MCO/mobility?months=7", 400)
                        .get("parameter")
                        .asText());
    }

    @Test
    void firstJobsLeaveAndEnterARegionAndAPairIsOneValueFromEitherSide() throws Exception {
        List<String> stayed = Fixtures.ids("bzh-job", 30);
        List<String> moved = Fixtures.ids("bzh-to-idf", 14);
        for (int level : new int[] {0, 5}) {
            JsonNode bzh = api.json("/api/regions/53/flows?level=" + level, 200);
            assertEquals("Bretagne", bzh.get("name").asText());
            JsonNode out = bzh.get("trainedHere");
            long same = Fixtures.released(CellName.firstJobsPair(level, "53", "53"), stayed);
            long pair = Fixtures.released(CellName.firstJobsPair(level, "53", "11"), moved);
            long other = Math.max(Fixtures.released(CellName.firstJobsPart(level, "out", "53", "other"), moved), pair);
            assertEquals(same, out.get("sameRegion").get("people").asLong(), out.toString());
            assertEquals(other, out.get("otherRegion").get("people").asLong());
            assertEquals(
                    Math.max(Fixtures.released(CellName.firstJobs(level, "out", "53"), stayed, moved), same + other),
                    out.get("people").asLong());
            assertEquals("11", out.get("regions").get(0).get("region").asText());
            assertEquals(pair, out.get("regions").get(0).get("people").asLong());
            assertTrue(out.get("regionUnknown").isNull());
            // Nobody took a first job in Bretagne after training elsewhere: only those who stayed (30 people).
            assertEquals(
                    same, bzh.get("workingHere").get("sameRegion").get("people").asLong());
            assertTrue(bzh.get("workingHere").get("otherRegion").isNull());

            // Île-de-France: its own 25 and the 14 from Bretagne, whose count is the very value Bretagne shows.
            JsonNode idf = api.json("/api/regions/11/flows?level=" + level, 200).get("workingHere");
            assertEquals("53", idf.get("regions").get(0).get("region").asText());
            assertEquals(pair, idf.get("regions").get(0).get("people").asLong());
            assertEquals(
                    Fixtures.released(CellName.firstJobsPair(level, "11", "11"), Fixtures.ids("idf-job", 25)),
                    idf.get("sameRegion").get("people").asLong());
        }
        // The 12 people whose region was not collected: their own class, counted, all of them "unknown".
        JsonNode none = api.json("/api/regions/unknown/flows", 200);
        assertEquals("Région non renseignée", none.get("name").asText());
        assertEquals(
                Fixtures.released(CellName.firstJobs(0, "out", "unknown"), Fixtures.ids("none-job", 12)),
                none.get("trainedHere").get("people").asLong());
        assertEquals(
                none.get("trainedHere").get("people"),
                none.get("trainedHere").get("regionUnknown").get("people"));
        assertEquals(404, api.get("/api/regions/unknown").statusCode());
        // Five people in 84: nothing shown, and the answer says why.
        JsonNode ara = api.json("/api/regions/84/flows", 200);
        assertTrue(ara.get("trainedHere").isNull());
        assertEquals("fewer than k", ara.get("reasons").get("trainedHere").asText());
        // No one of level 7 anywhere: the same plain reason.
        assertEquals(
                "fewer than k",
                api.json("/api/regions/53/flows?level=7", 200)
                        .get("reasons")
                        .get("trainedHere")
                        .asText());
        assertEquals(
                "level",
                api.json("/api/regions/53/flows?level=2", 400).get("parameter").asText());
        assertEquals(
                api.json("/api/regions/53/flows", 200).get("trainedHere"),
                api.json("/api/regions/bretagne/flows", 200).get("trainedHere"));
    }

    @Test
    void aRegionsSummarySetsItsLevelsBesideTheNationAndAnUnknownCodeListsTheRegions() throws Exception {
        JsonNode bzh = api.json("/api/regions/53", 200);
        assertEquals(
                "BTS-MCO", bzh.get("programmes").get(0).get("step").get("id").asText());
        assertEquals(5, bzh.get("programmes").get(0).get("level").asInt());
        assertEquals("D1301", bzh.get("jobs").get(0).get("step").get("id").asText());
        assertEquals(12, bzh.get("months").asInt());
        JsonNode level = bzh.get("levels").get(0);
        assertEquals(5, level.get("level").asInt());
        List<String> job = new ArrayList<>(Fixtures.ids("bzh-job", 30));
        job.addAll(Fixtures.ids("bzh-to-idf", 14));
        List<String> study = Fixtures.ids("bzh-study", 12);
        long jobs = Fixtures.released(CellName.regionLevelOutcome(5, 12, "53", "job"), job);
        long studies = Fixtures.released(CellName.regionLevelOutcome(5, 12, "53", "study"), study);
        assertEquals(jobs, level.get("region").get("job").get("people").asLong());
        assertEquals(studies, level.get("region").get("study").get("people").asLong());
        assertEquals(
                Math.max(Fixtures.released(CellName.regionLevelCohort(5, 12, "53"), job, study), jobs + studies),
                level.get("region").get("people").asLong());
        // The nation's level 5: everyone's BTS MCO, from the families table (each person once per level).
        JsonNode benchmark = api.json("/api/steps/BTS-MCO/benchmark?months=12", 200);
        JsonNode nationLevel = null;
        for (JsonNode g : benchmark.get("families")) {
            if (g.get("group").asText().equals("level")) {
                nationLevel = g;
            }
        }
        assertEquals(
                nationLevel.get("people").asLong(),
                level.get("nation").get("people").asLong(),
                benchmark.toString());
        assertEquals(
                bzh.get("firstJobsTrainedHere"),
                api.json("/api/regions/53/flows", 200).get("trainedHere"));
        assertEquals("fewer than k", bzh.get("reasons").get("reconversions").asText());
        assertTrue(bzh.get("evidence").get("query").asText().contains("cypher/queries/region-levels.cypher"));

        JsonNode unknown = api.json("/api/regions/atlantis", 404);
        assertEquals("unknown region", unknown.get("error").asText());
        assertEquals("atlantis", unknown.get("region").asText());
        assertTrue(unknown.get("regions").size() >= 13, unknown.toString());
        assertEquals(bzh, api.json("/api/regions/dep:29", 200));
    }
}
