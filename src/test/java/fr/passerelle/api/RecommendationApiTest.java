package fr.passerelle.api;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routes, paths, bridges, reconversions and outcomes on a population whose answers are known exactly. */
class RecommendationApiTest {
    static Javalin app;
    static ApiClient api;

    @BeforeAll
    static void start(@TempDir Path dir) {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        // Routes A=BAC-STMG to C=D1301: 30 via BTS-MCO, 12 via BTS-NDRC, 4 via BTS-GPME.
        lines.addAll(people("r1", 30, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        lines.addAll(people("r2", 12, "education:BAC-STMG:2016-09", "education:BTS-NDRC:2018-09", "job:D1301:2021-01"));
        lines.addAll(people("r3", 4, "education:BAC-STMG:2016-09", "education:BTS-GPME:2018-09", "job:D1301:2020-09"));
        // People like you: BTS-MCO after BAC-PRO-MCV goes to D1502, after BAC-STMG (above) to D1301.
        lines.addAll(people("p1", 15, "education:BAC-PRO-MCV:2015-09", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        // Too few after CAP-EPC: a query with that path backs off to the step alone.
        lines.addAll(people("p2", 3, "education:CAP-EPC:2014-09", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        // 8 more arrive at BTS-MCO from elsewhere: with the 3 above, BTS-MCO's hidden arrivals are 11 (>= k),
        // so the 15 from BAC-PRO-MCV can be shown without revealing the 3 by subtraction.
        lines.addAll(people("p3", 8, "education:BAC-PRO-AGORA:2015-09", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        // Reconversions from D1505 (cashier, domain D): 20 to M through TP-DWWM, 12 to N directly, 3 to J through DE-AS.
        lines.addAll(people("c1", 20, "job:D1505:2015-01", "education:TP-DWWM:2018-01", "job:M1805:2018-10"));
        lines.addAll(people("c2", 12, "job:D1505:2015-01", "job:N1103:2017-01"));
        lines.addAll(people("c3", 3, "job:D1505:2015-01", "education:DE-AS:2017-01", "job:J1501:2018-01"));
        lines.addAll(people("c4", 20, "job:D1505:2015-01", "job:D1507:2016-01"));
        Fixtures.importer(db, 100).importFiles(List.of(Fixtures.write(dir, "rec.jsonl", lines)), false, n -> { });
        // Outcomes need end dates: 30 BTS-CG leavers (June 2020); 18 then in M1203 (a job in domain M),
        // 12 in further study until March 2021, then nothing recorded.
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String next = i < 18 ? "{\"kind\":\"job\",\"code\":\"M1203\",\"start\":\"2020-09\"}"
                    : "{\"kind\":\"education\",\"code\":\"LIC-ECO-GESTION\",\"start\":\"2020-09\",\"end\":\"2021-03\"}";
            outcomes.add("{\"source\":\"test\",\"id\":\"o" + i + "\",\"steps\":[{\"kind\":\"education\",\"code\":\"BTS-CG\",\"start\":\"2018-09\",\"end\":\"2020-06\"},"
                    + next + "]}");
        }
        Fixtures.importer(db, 100).importFiles(List.of(Fixtures.write(dir, "out.jsonl", outcomes)), false, n -> { });
        app = ApiServer.create(Services.over(db, Thresholds.defaults(), Fixtures.CLOCK, Fixtures.REGISTER)).start("127.0.0.1", 0);
        api = new ApiClient(app);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static List<String> ids(JsonNode steps) {
        List<String> ids = new ArrayList<>();
        steps.forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @Test
    void observedRoutesShowTheTwoRoutesKPeopleFollowedAndNeverTheThird() throws Exception {
        JsonNode routes = api.json("/api/routes?from=BAC-STMG&to=D1301&maxSteps=4&limit=5", 200);
        JsonNode observed = routes.get("observed");
        assertEquals(2, observed.size());
        assertEquals(List.of("BAC-STMG", "BTS-MCO", "D1301"), ids(observed.get(0).get("steps")));
        assertEquals(30, observed.get(0).get("people").asInt());
        assertEquals(48, observed.get(0).get("medianMonths").asInt());
        assertEquals(List.of("BAC-STMG", "BTS-NDRC", "D1301"), ids(observed.get(1).get("steps")));
        assertEquals(12, observed.get(1).get("people").asInt());
        assertEquals(52, observed.get(1).get("medianMonths").asInt());
        assertEquals(1, routes.get("hiddenObservedRoutes").asInt());
        assertTrue(!routes.toString().contains("BTS-GPME"), "the route 4 people took appears nowhere");
        JsonNode hop = observed.get(0).get("hops").get(0);
        assertEquals(30, hop.get("people").asInt());
        assertEquals(0.6522, hop.get("share").get("value").asDouble(), 1e-4);
    }

    @Test
    void composedRoutesAreRankedByTheProductOfSharesAndSayWhoFollowedThem() throws Exception {
        JsonNode composed = api.json("/api/routes?from=BAC-STMG&to=D1301", 200).get("composed");
        // BAC-STMG -> BTS-GPME (4) is not published, and BAC-STMG -> BTS-NDRC (12) is hidden to protect it
        // (46 - 30 - 12 = 4), in the routes as in /next: so a single chain.
        assertEquals(1, composed.size(), composed.toString());
        JsonNode best = composed.get(0);
        assertTrue(best.get("composed").asBoolean());
        assertEquals(List.of("BAC-STMG", "BTS-MCO", "D1301"), ids(best.get("steps")));
        // 30/46 of BAC-STMG leavers to BTS-MCO, then 30/56 of BTS-MCO leavers to D1301.
        assertEquals(Math.round(30.0 / 46 * 30.0 / 56 * 10000) / 10000.0, best.get("probability").asDouble(), 1e-4);
        assertEquals(30, best.get("people").asInt());
    }

    @Test
    void aComposedRouteNoKPeopleFollowedSaysSo() throws Exception {
        // BAC-PRO-MCV -> BTS-MCO (15) and BTS-MCO -> D1301 (30) are published, but nobody did both.
        JsonNode composed = api.json("/api/routes?from=BAC-PRO-MCV&to=D1301", 200).get("composed");
        assertEquals(List.of("BAC-PRO-MCV", "BTS-MCO", "D1301"), ids(composed.get(0).get("steps")));
        assertTrue(composed.get(0).get("people").isNull());
        assertEquals(0, api.json("/api/routes?from=BAC-PRO-MCV&to=D1301", 200).get("observed").size());
    }

    @Test
    void nextAfterAPathAnswersFromPeopleWhoFollowedIt() throws Exception {
        JsonNode plain = api.json("/api/steps/BTS-MCO/next", 200);
        assertEquals(56, plain.get("peopleLeaving").asInt());
        JsonNode afterPro = api.json("/api/steps/BTS-MCO/next?after=BAC-PRO-MCV", 200);
        assertEquals(List.of("BAC-PRO-MCV"), List.of(afterPro.get("pathUsed").get(0).asText()));
        assertEquals(15, afterPro.get("peopleLeaving").asInt());
        assertEquals("D1502", afterPro.get("next").get(0).get("step").get("id").asText());
        assertEquals(15, afterPro.get("next").get(0).get("people").asInt());
        assertEquals(1, afterPro.get("next").size());
        JsonNode afterStmg = api.json("/api/steps/BTS-MCO/next?after=BAC-STMG", 200);
        assertEquals("D1301", afterStmg.get("next").get(0).get("step").get("id").asText());
        assertEquals(30, afterStmg.get("next").get(0).get("people").asInt());
    }

    @Test
    void nextBacksOffToShorterPathsWhileFewerThanKPeopleMatch() throws Exception {
        JsonNode next = api.json("/api/steps/BTS-MCO/next?after=CAP-EPC", 200);
        assertEquals("CAP-EPC", next.get("pathRequested").get(0).asText());
        assertEquals(0, next.get("pathUsed").size());
        assertEquals(56, next.get("peopleLeaving").asInt());
    }

    @Test
    void filtersByRegionAndCohortObeyTheSameThresholds() throws Exception {
        JsonNode cohort = api.json("/api/steps/BTS-MCO/next?from=2018&to=2018", 200);
        assertEquals(56, cohort.get("peopleLeaving").asInt());
        JsonNode none = api.json("/api/steps/BTS-MCO/next?from=2019", 200);
        assertTrue(none.get("peopleLeaving").isNull());
        assertEquals(0, none.get("next").size());
        assertEquals("from", api.json("/api/steps/BTS-MCO/next?from=2020&to=2019", 400).get("parameter").asText());
        assertEquals("region", api.json("/api/steps/BTS-MCO/next?region=99", 400).get("parameter").asText());
        assertEquals("CAP-X", api.json("/api/steps/BTS-MCO/next?after=CAP-X", 404).get("step").asText());
    }

    @Test
    void previousStepsComeFromTheAggregates() throws Exception {
        JsonNode previous = api.json("/api/steps/D1301/previous", 200);
        assertEquals(46, previous.get("peopleArriving").asInt());
        assertEquals(List.of("BTS-MCO"), ids(previous.get("previous").findValues("step").stream()
                .collect(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::arrayNode, (a, n) -> a.add(n), (a, b) -> a.addAll(b))));
        assertEquals(2, previous.get("hiddenOrigins").asInt(), "NDRC (12) hidden to protect GPME (4)");
        assertEquals(16, previous.get("hiddenPeople").asInt());
    }

    @Test
    void bridgesScoreBothFactorsWithThePeopleBehindEach() throws Exception {
        JsonNode bridges = api.json("/api/bridges?from=D1505&toDomain=M", 200);
        assertEquals("Support à l'entreprise", bridges.get("toDomainLabel").asText());
        assertEquals(1, bridges.get("bridges").size());
        JsonNode b = bridges.get("bridges").get(0);
        assertEquals("TP-DWWM", b.get("step").get("id").asText());
        assertEquals(20, b.get("peopleFromToBridge").asInt());
        assertEquals(20.0 / 55, b.get("shareFromToBridge").get("value").asDouble(), 1e-4);
        assertEquals(20, b.get("peopleBridgeToTarget").asInt());
        assertEquals(1.0, b.get("shareBridgeToTarget").get("value").asDouble(), 1e-9);
        assertEquals(20, b.get("peopleWholeRoute").asInt());
        assertEquals(Math.round(20.0 / 55 * 10000) / 10000.0, b.get("score").asDouble(), 1e-4);
        assertEquals("toDomain", api.json("/api/bridges?from=D1505", 400).get("parameter").asText());
        assertEquals("toDomain", api.json("/api/bridges?from=D1505&toDomain=Z", 400).get("parameter").asText());
    }

    @Test
    void reconversionsGroupChangesOfFieldWithTheirBridges() throws Exception {
        JsonNode r = api.json("/api/steps/D1505/reconversions", 200);
        JsonNode changes = r.get("changes");
        assertEquals(2, changes.size());
        assertEquals("M", changes.get(0).get("toDomain").asText());
        assertEquals(20, changes.get(0).get("people").asInt());
        assertEquals(List.of("TP-DWWM"), ids(changes.get(0).get("via").get(0).get("bridge")));
        assertEquals("N", changes.get(1).get("toDomain").asText());
        assertEquals(12, changes.get(1).get("people").asInt());
        assertEquals(0, changes.get(1).get("via").get(0).get("bridge").size(), "a direct move");
        assertEquals(1, r.get("hiddenDomains").asInt(), "3 people to J are not shown");
        assertTrue(!r.toString().contains("DE-AS"));
        assertEquals(400, api.get("/api/steps/BTS-MCO/reconversions").statusCode());
    }

    @Test
    void outcomesCountOnlyPeopleObservedLongEnough() throws Exception {
        JsonNode outcomes = api.json("/api/steps/BTS-CG/outcomes?months=6,12", 200).get("outcomes");
        JsonNode six = outcomes.get(0);
        assertEquals(6, six.get("months").asInt());
        assertEquals(30, six.get("people").asInt());
        assertEquals("job", six.get("situations").get(0).get("situation").asText());
        assertEquals("M", six.get("situations").get(0).get("domain").asText());
        assertEquals(18, six.get("situations").get(0).get("people").asInt());
        assertEquals(0.6, six.get("situations").get(0).get("share").get("value").asDouble(), 1e-9);
        assertEquals("study", six.get("situations").get(1).get("situation").asText());
        assertEquals(12, six.get("situations").get(1).get("people").asInt());
        JsonNode twelve = outcomes.get(1);
        assertEquals("other", twelve.get("situations").get(1).get("situation").asText(), "studies ended in March 2021");
        assertEquals(12, twelve.get("situations").get(1).get("people").asInt());
        // Collected in November 2026: 72 months after June 2020 is observed, 120 is not.
        JsonNode late = api.json("/api/steps/BTS-CG/outcomes?months=72,120", 200).get("outcomes");
        assertEquals(30, late.get(0).get("people").asInt());
        assertTrue(late.get(1).get("people").isNull());
        assertEquals(0, late.get(1).get("situations").size());
        assertEquals("months", api.json("/api/steps/BTS-CG/outcomes?months=0", 400).get("parameter").asText());
    }

    @Test
    void similarStepsShareDestinations() throws Exception {
        JsonNode similar = api.json("/api/steps/BAC-PRO-MCV/similar", 200).get("similar");
        assertEquals("BAC-STMG", similar.get(0).get("step").get("id").asText());
        assertEquals("BTS-MCO", similar.get(0).get("sharedDestinations").get(0).asText());
        // BTS-NDRC's only transition is hidden (see above): nothing to compare it on.
        assertEquals(0, api.json("/api/steps/BTS-NDRC/similar", 200).get("similar").size());
    }
}
