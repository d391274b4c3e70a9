package fr.passerelle.api;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routes, paths, bridges, reconversions and outcomes on a population whose answers are known exactly. */
@SuppressWarnings("unchecked")
class RecommendationApiTest {
    static Javalin app;
    static fr.passerelle.publish.ReleaseApi release;
    static ApiClient api;
    /** The population's released paths as the release fits them. */
    static fr.passerelle.ReleasedPaths paths;

    @BeforeAll
    static void start(@TempDir Path dir) {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        // Routes A=BAC-STMG to C=D1301: 30 via BTS-MCO, 12 via BTS-NDRC, 4 via BTS-GPME.
        lines.addAll(people("r1", 30, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        lines.addAll(people("r2", 12, "education:BAC-STMG:2016-09", "education:BTS-NDRC:2018-09", "job:D1301:2021-01"));
        lines.addAll(people("r3", 4, "education:BAC-STMG:2016-09", "education:BTS-GPME:2018-09", "job:D1301:2020-09"));
        // People like you: BTS-MCO after BAC-PRO-MCV goes to D1502, after BAC-STMG (above) to D1301.
        lines.addAll(
                people("p1", 15, "education:BAC-PRO-MCV:2015-09", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        // Others leave BAC-PRO-MCV elsewhere, so that its leavers (25) are enough for shares.
        lines.addAll(people("p4", 10, "education:BAC-PRO-MCV:2015-09", "education:LIC-PRO-COMMERCE:2018-09"));
        // Too few after CAP-EPC: a query with that path backs off to the step alone.
        lines.addAll(people("p2", 3, "education:CAP-EPC:2014-09", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        // 8 more arrive at BTS-MCO from elsewhere: with the 3 above, BTS-MCO's hidden arrivals are 11 (>= k),
        // so the 15 from BAC-PRO-MCV can be shown without revealing the 3 by subtraction.
        lines.addAll(
                people("p3", 8, "education:BAC-PRO-AGORA:2015-09", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        // Reconversions from D1505 (cashier, domain D): 25 to M through TP-DWWM, 12 to N directly, 3 to J through
        // DE-AS.
        lines.addAll(people("c1", 25, "job:D1505:2015-01", "education:TP-DWWM:2018-01", "job:M1805:2018-10"));
        lines.addAll(people("c2", 12, "job:D1505:2015-01", "job:N1103:2017-01"));
        lines.addAll(people("c3", 3, "job:D1505:2015-01", "education:DE-AS:2017-01", "job:J1501:2018-01"));
        lines.addAll(people("c4", 20, "job:D1505:2015-01", "job:D1507:2016-01"));
        Fixtures.importer(db, 100).importFiles(List.of(Fixtures.write(dir, "rec.jsonl", lines)), false, n -> {});

        // Outcomes need end dates: 30 BTS-CG leavers (June 2020); 18 then in M1203 (a job in domain M),
        // 12 in further study until March 2021, then nothing recorded.
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String next = i < 18
                    ? "{\"kind\":\"job\",\"code\":\"M1203\",\"start\":\"2020-09\"}"
                    : "{\"kind\":\"education\",\"code\":\"LIC-ECO-GESTION\",\"start\":\"2020-09\",\"end\":\"2021-03\"}";
            outcomes.add("{\"source\":\"test\",\"id\":\"o" + i
                    + "\",\"steps\":[{\"kind\":\"education\",\"code\":\"BTS-CG\",\"start\":\"2018-09\",\"end\":\"2020-06\"},"
                    + next + "]}");
        }
        Fixtures.importer(db, 100).importFiles(List.of(Fixtures.write(dir, "out.jsonl", outcomes)), false, n -> {});
        List<String> everyone = new ArrayList<>(lines);
        everyone.addAll(outcomes);
        paths = new fr.passerelle.ReleasedPaths(everyone);
        release = Fixtures.release(db, dir);
        app = ApiServer.create(Fixtures.services(release)).start("127.0.0.1", 0);
        api = new ApiClient(app);
    }

    @AfterAll
    static void stop() {
        app.stop();
        release.close();
    }

    static List<String> ids(JsonNode steps) {
        List<String> ids = new ArrayList<>();
        steps.forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    /** BTS-MCO's leavers who started it in 2015-2019 (everyone here): the period breakdown's own cells. */
    static Long periodLeaving() {
        Long leaving = Fixtures.released(
                fr.passerelle.publish.CellName.sliceLeaving("period", "2015-2019", "BTS-MCO"), R1, P1, P2, P3);
        Long people = Fixtures.released(
                fr.passerelle.publish.CellName.slice("period", "2015-2019", "BTS-MCO"), R1, P1, P2, P3);
        return Math.min(leaving, people);
    }

    static final List<String> R1 = Fixtures.ids("r1", 30);
    static final List<String> R2 = Fixtures.ids("r2", 12);
    static final List<String> R3 = Fixtures.ids("r3", 4);
    static final List<String> P1 = Fixtures.ids("p1", 15);
    static final List<String> P2 = Fixtures.ids("p2", 3);
    static final List<String> P3 = Fixtures.ids("p3", 8);
    static final List<String> C1 = Fixtures.ids("c1", 25);
    static final List<String> C2 = Fixtures.ids("c2", 12);
    static final List<String> C3 = Fixtures.ids("c3", 3);
    static final List<String> C4 = Fixtures.ids("c4", 20);

    static double share(long people, long of) {
        return fr.passerelle.privacy.Share.of(Math.min(people, of), of).value();
    }

    @Test
    void observedRoutesAreReleasedPathsAndNeverTheOneFourPeopleTook() throws Exception {
        JsonNode routes = api.json("/api/routes?from=BAC-STMG&to=D1301&maxSteps=4&limit=5", 200);
        JsonNode observed = routes.get("observed");
        assertEquals(
                paths.people(List.of("BAC-STMG", "BTS-NDRC", "D1301")) == null ? 1 : 2,
                observed.size(),
                observed.toString());
        assertEquals(
                List.of("BAC-STMG", "BTS-MCO", "D1301"), ids(observed.get(0).get("steps")));
        assertEquals(
                paths.people(List.of("BAC-STMG", "BTS-MCO", "D1301")),
                observed.get(0).get("people").asLong());
        assertEquals(48, observed.get(0).get("medianMonths").asInt());
        if (paths.people(List.of("BAC-STMG", "BTS-NDRC", "D1301")) != null) {
            assertEquals(
                    List.of("BAC-STMG", "BTS-NDRC", "D1301"),
                    ids(observed.get(1).get("steps")));
            assertEquals(
                    paths.people(List.of("BAC-STMG", "BTS-NDRC", "D1301")),
                    observed.get(1).get("people").asLong());
            assertEquals(52, observed.get(1).get("medianMonths").asInt());
        }
        assertTrue(!routes.toString().contains("BTS-GPME"), "the route 4 people took appears nowhere");
        JsonNode hop = observed.get(0).get("hops").get(0);
        assertEquals(
                paths.people(List.of("BAC-STMG", "BTS-MCO")), hop.get("people").asLong());
        assertEquals(
                share(paths.people(List.of("BAC-STMG", "BTS-MCO")), paths.leaving(List.of("BAC-STMG"))),
                hop.get("share").get("value").asDouble(),
                1e-9);
        assertEquals(
                400,
                api.get("/api/routes?from=BAC-STMG&to=D1301&maxSteps=5").statusCode(),
                "paths of more than 5 steps are not released");
    }

    @Test
    void composedRoutesAreRankedByTheProductOfReleasedShares() throws Exception {
        JsonNode composed = api.json("/api/routes?from=BAC-STMG&to=D1301", 200).get("composed");
        JsonNode best = composed.get(0);
        assertTrue(best.get("composed").asBoolean());
        assertEquals(List.of("BAC-STMG", "BTS-MCO", "D1301"), ids(best.get("steps")));
        double expected = share(paths.people(List.of("BAC-STMG", "BTS-MCO")), paths.leaving(List.of("BAC-STMG")))
                * share(paths.people(List.of("BTS-MCO", "D1301")), paths.leaving(List.of("BTS-MCO")));
        assertEquals(
                Math.round(expected * 10000) / 10000.0, best.get("probability").asDouble(), 1e-4);
        assertEquals(
                paths.people(List.of("BAC-STMG", "BTS-MCO", "D1301")),
                best.get("people").asLong());
        assertTrue(!composed.toString().contains("BTS-GPME"));
    }

    @Test
    void aComposedRouteNobodyFollowedSaysSo() throws Exception {
        // BAC-PRO-MCV -> BTS-MCO (15) and BTS-MCO -> D1301 (30) are released, but nobody did both.
        JsonNode answer = api.json("/api/routes?from=BAC-PRO-MCV&to=D1301", 200);
        JsonNode composed = answer.get("composed");
        assertEquals(
                List.of("BAC-PRO-MCV", "BTS-MCO", "D1301"), ids(composed.get(0).get("steps")));
        assertTrue(composed.get(0).get("people").isNull());
        assertEquals(0, answer.get("observed").size());
    }

    @Test
    void nextAfterAPathAnswersFromTheReleasedPaths() throws Exception {
        JsonNode plain = api.json("/api/steps/BTS-MCO/next", 200);
        assertEquals(
                paths.leaving(List.of("BTS-MCO")), plain.get("peopleLeaving").asLong());
        JsonNode afterPro = api.json("/api/steps/BTS-MCO/next?after=BAC-PRO-MCV", 200);
        assertEquals("BAC-PRO-MCV", afterPro.get("pathUsed").get(0).asText());
        assertEquals(
                paths.leaving(List.of("BAC-PRO-MCV", "BTS-MCO")),
                afterPro.get("peopleLeaving").asLong());
        assertEquals(1, afterPro.get("next").size());
        assertEquals("D1502", afterPro.get("next").get(0).get("step").get("id").asText());
        assertEquals(
                paths.people(List.of("BAC-PRO-MCV", "BTS-MCO", "D1502")),
                afterPro.get("next").get(0).get("people").asLong());
        assertEquals(
                24,
                afterPro.get("next").get(0).get("medianMonths").asInt(),
                "months of the last transition, not of the path");
        assertEquals(
                "cypher/queries/next-steps.cypher + cypher/queries/step-by-id.cypher + cypher/queries/next-after.cypher",
                afterPro.get("evidence").get("query").asText(),
                "what ran: the path's steps are looked up before its continuations");
        JsonNode afterStmg = api.json("/api/steps/BTS-MCO/next?after=BAC-STMG", 200);
        assertEquals("D1301", afterStmg.get("next").get(0).get("step").get("id").asText());
        assertEquals(
                paths.people(List.of("BAC-STMG", "BTS-MCO", "D1301")),
                afterStmg.get("next").get(0).get("people").asLong());
        assertEquals(
                400,
                api.get("/api/steps/BTS-MCO/next?after=A,B,C,D").statusCode(),
                "at most 3 steps before: paths of 5");
    }

    @Test
    void nextBacksOffToShorterPathsWhileNothingIsReleasedForThePath() throws Exception {
        JsonNode next = api.json("/api/steps/BTS-MCO/next?after=CAP-EPC", 200);
        assertEquals("CAP-EPC", next.get("pathRequested").get(0).asText());
        assertEquals(0, next.get("pathUsed").size());
        assertEquals(
                paths.leaving(List.of("BTS-MCO")), next.get("peopleLeaving").asLong());
    }

    @Test
    void filtersAreTheCataloguesPeriodsAndRegionsOnly() throws Exception {
        JsonNode period = api.json("/api/steps/BTS-MCO/next?period=2015-2019", 200);
        assertEquals(periodLeaving(), period.get("peopleLeaving").asLong());
        assertEquals("2015-2019", period.get("filters").get("period").asText());
        assertEquals(
                period.get("next"),
                api.json("/api/steps/BTS-MCO/next?from=2015&to=2019", 200).get("next"),
                "from/to naming a released period are the same question");
        assertEquals(period.get("scope").get("asked"), period.get("scope").get("used"));
        // Nobody started it in 2020-2024: the answer backs off to everyone who left it, and says so.
        JsonNode none = api.json("/api/steps/BTS-MCO/next?period=2020-2024", 200);
        assertTrue(none.get("filters").get("period").isNull(), none.toString());
        assertEquals(api.json("/api/steps/BTS-MCO/next", 200).get("next"), none.get("next"));
        assertTrue(none.get("reasons").get("filters.period").asText().startsWith("fewer than k"), none.toString());
        assertTrue(none.get("scope").get("asked").asText().contains("2020-2024"), none.toString());
        assertEquals(
                "the people who left BTS-MCO", none.get("scope").get("used").asText());
        JsonNode elsewhere = api.json("/api/steps/BTS-MCO/next?region=53", 200);
        assertTrue(elsewhere.get("filters").get("region").isNull(), elsewhere.toString());
        assertTrue(elsewhere.get("reasons").get("filters.region").asText().contains("region 53"));
        JsonNode window = api.json("/api/steps/BTS-MCO/next?from=1950&to=2018", 400);
        assertEquals("from", window.get("parameter").asText());
        assertTrue(window.get("allowed").asText().contains("2015-2019"), "the allowed periods are listed");
        assertEquals(
                "period",
                api.json("/api/steps/BTS-MCO/next?period=2018", 400)
                        .get("parameter")
                        .asText());
        assertEquals(
                "region",
                api.json("/api/steps/BTS-MCO/next?region=99", 400)
                        .get("parameter")
                        .asText());
        assertEquals(
                "not in the release",
                api.json("/api/steps/BTS-MCO/next?region=84&period=2015-2019", 400)
                        .get("error")
                        .asText());
        assertEquals(
                "not in the release",
                api.json("/api/steps/BTS-MCO/next?after=BAC-STMG&region=84", 400)
                        .get("error")
                        .asText());
        assertEquals(
                "CAP-X",
                api.json("/api/steps/BTS-MCO/next?after=CAP-X", 404).get("step").asText());
    }

    /** D1505's leavers after a stay in one "since" bin: the bin's own released cells. */
    static Long sinceLeaving(String bin, List<String> group) {
        Long leaving = Fixtures.released(fr.passerelle.publish.CellName.sliceLeaving("since", bin, "D1505"), group);
        Long people = Fixtures.released(fr.passerelle.publish.CellName.slice("since", bin, "D1505"), group);
        return leaving == null || people == null ? leaving : Math.min(leaving, people);
    }

    static List<String> destinations(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("next").forEach(n -> ids.add(n.get("step").get("id").asText()));
        return ids;
    }

    @Test
    void sinceSnapsToItsBinAndBacksOffWhenTheBinIsTooSmall() throws Exception {
        // D1505 (started 2015-01): c1 left after 36 months for TP-DWWM, c2 and c3 after 24, c4 after 12 for D1507.
        JsonNode three = api.json("/api/steps/D1505/next?since=40", 200);
        assertEquals("36-59", three.get("filters").get("since").asText());
        assertEquals("36-59", three.get("filters").get("sinceRequested").asText());
        assertEquals(sinceLeaving("36-59", C1), three.get("peopleLeaving").asLong());
        assertEquals(List.of("TP-DWWM"), destinations(three));
        assertEquals(
                Fixtures.released(fr.passerelle.publish.CellName.sliceNext("since", "36-59", "D1505", "TP-DWWM"), C1),
                three.get("next").get(0).get("people").asLong());
        assertTrue(
                three.get("evidence").get("query").asText().contains("next-by-since"),
                three.get("evidence").toString());
        assertEquals(
                three.get("next"),
                api.json("/api/steps/D1505/next?since=36", 200).get("next"),
                "one bin, one answer");
        assertEquals(
                three.get("next"),
                api.json("/api/steps/D1505/next?since=59", 200).get("next"),
                "one bin, one answer");

        JsonNode one = api.json("/api/steps/D1505/next?since=14", 200);
        assertEquals("12-23", one.get("filters").get("since").asText());
        assertEquals(List.of("D1507"), destinations(one));
        assertEquals(
                Fixtures.released(fr.passerelle.publish.CellName.sliceNext("since", "12-23", "D1505", "D1507"), C4),
                one.get("next").get(0).get("people").asLong());

        // Nobody left D1505 within 6 months: the answer is everyone's, and says it backed off.
        JsonNode soon = api.json("/api/steps/D1505/next?since=3", 200);
        assertEquals("0-5", soon.get("filters").get("sinceRequested").asText());
        assertTrue(
                soon.get("filters").get("since").isNull(), soon.get("filters").toString());
        JsonNode everyone = api.json("/api/steps/D1505/next", 200);
        assertEquals(everyone.get("next"), soon.get("next"));
        assertEquals(everyone.get("peopleLeaving"), soon.get("peopleLeaving"));

        for (String bad : List.of("-1", "abc", "1201", "2.5")) {
            JsonNode error = api.json("/api/steps/D1505/next?since=" + bad, 400);
            assertEquals("since", error.get("parameter").asText(), error.toString());
        }
        assertEquals(
                "not in the release",
                api.json("/api/steps/D1505/next?since=40&after=BAC-STMG", 400)
                        .get("error")
                        .asText());
        assertEquals(
                "not in the release",
                api.json("/api/steps/D1505/next?since=40&region=84", 400)
                        .get("error")
                        .asText());
    }

    @Test
    void previousStepsComeFromTheReleasedTransitions() throws Exception {
        JsonNode previous = api.json("/api/steps/D1301/previous", 200);
        long arriving = Fixtures.released(fr.passerelle.publish.CellName.arriving("D1301"), R1, R2, R3);
        assertEquals(arriving, previous.get("peopleArriving").asLong());
        assertEquals(
                "BTS-MCO", previous.get("previous").get(0).get("step").get("id").asText());
        assertEquals(
                paths.people(List.of("BTS-MCO", "D1301")),
                previous.get("previous").get(0).get("people").asLong());
        assertEquals(
                share(paths.people(List.of("BTS-MCO", "D1301")), arriving),
                previous.get("previous").get(0).get("share").get("value").asDouble(),
                1e-9);
        assertEquals(
                paths.people(List.of("BTS-NDRC", "D1301")) == null ? 1 : 2,
                previous.get("previous").size());
        assertTrue(!previous.toString().contains("BTS-GPME"));
    }

    @Test
    void bridgesScoreBothFactorsWithThePeopleBehindEach() throws Exception {
        JsonNode bridges = api.json("/api/bridges?from=D1505&toDomain=M", 200);
        assertEquals("Support à l'entreprise", bridges.get("toDomainLabel").asText());
        assertEquals(1, bridges.get("bridges").size());
        JsonNode b = bridges.get("bridges").get(0);
        assertEquals("TP-DWWM", b.get("step").get("id").asText());
        long c1 = paths.people(List.of("D1505", "TP-DWWM"));
        assertEquals(c1, b.get("peopleFromToBridge").asLong());
        assertEquals(
                share(c1, paths.leaving(List.of("D1505"))),
                b.get("shareFromToBridge").get("value").asDouble(),
                1e-9);
        long toTarget = paths.people(List.of("TP-DWWM", "M1805"));
        assertEquals(toTarget, b.get("peopleBridgeToTarget").asLong());
        assertEquals(
                share(toTarget, paths.leaving(List.of("TP-DWWM"))),
                b.get("shareBridgeToTarget").get("value").asDouble(),
                1e-9);
        assertEquals(
                Fixtures.released(fr.passerelle.publish.CellName.bridge("D1505", "TP-DWWM", "M"), C1),
                b.get("peopleWholeRoute").asLong());
        assertEquals(
                "toDomain",
                api.json("/api/bridges?from=D1505", 400).get("parameter").asText());
        assertEquals(
                "toDomain",
                api.json("/api/bridges?from=D1505&toDomain=Z", 400)
                        .get("parameter")
                        .asText());
    }

    @Test
    void reconversionsAreReleasedByDomainAndRoute() throws Exception {
        JsonNode r = api.json("/api/steps/D1505/reconversions", 200);
        JsonNode changes = r.get("changes");
        assertEquals(
                Fixtures.released(fr.passerelle.publish.CellName.reconversion("D1505", 3, "N"), C2) == null ? 1 : 2,
                changes.size());
        assertEquals("M", changes.get(0).get("toDomain").asText());
        assertEquals(
                Fixtures.released(fr.passerelle.publish.CellName.reconversion("D1505", 3, "M"), C1),
                changes.get(0).get("people").asLong());
        assertEquals(List.of("TP-DWWM"), ids(changes.get(0).get("via").get(0).get("bridge")));
        assertEquals(
                Fixtures.released(
                        fr.passerelle.publish.CellName.reconversionRoute("D1505", 3, "M", List.of("TP-DWWM")), C1),
                changes.get(0).get("via").get(0).get("people").asLong());
        if (Fixtures.released(fr.passerelle.publish.CellName.reconversion("D1505", 3, "N"), C2) != null) {
            assertEquals("N", changes.get(1).get("toDomain").asText());
            assertEquals(
                    Fixtures.released(fr.passerelle.publish.CellName.reconversion("D1505", 3, "N"), C2),
                    changes.get(1).get("people").asLong());
            assertEquals(0, changes.get(1).get("via").get(0).get("bridge").size(), "a direct move");
        }
        assertTrue(!r.toString().contains("DE-AS") && !r.toString().contains("\"J\""), "3 people to J are not shown");
        JsonNode one =
                api.json("/api/steps/D1505/reconversions?maxSteps=1", 200).get("changes");
        assertEquals(
                Fixtures.released(fr.passerelle.publish.CellName.reconversion("D1505", 1, "N"), C2) == null ? 0 : 1,
                one.size(),
                "within one transition only the direct move to N remains");
        assertTrue(!one.toString().contains("TP-DWWM"));
        assertEquals(400, api.get("/api/steps/BTS-MCO/reconversions").statusCode());
        assertEquals(
                "maxSteps",
                api.json("/api/steps/D1505/reconversions?maxSteps=5", 400)
                        .get("parameter")
                        .asText());
    }

    @Test
    void outcomesAreReleasedAtFixedMonths() throws Exception {
        List<String> all = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        List<String> studies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add("o" + i);
            (i < 18 ? jobs : studies).add("o" + i);
        }
        JsonNode outcomes =
                api.json("/api/steps/BTS-CG/outcomes?months=6,12", 200).get("outcomes");
        JsonNode six = outcomes.get(0);
        assertEquals(6, six.get("months").asInt());
        // The cohort as released: never below its released situations added up, nor below what the fit's parts
        // (the same leavers against BTS-CG's target job M1203) need: its situations, and the people outside study
        // with those in study.
        java.util.function.IntFunction<Long> fitLeast = m -> {
            long target = orZero(Fixtures.released(fr.passerelle.publish.CellName.fit("BTS-CG", m, "target"), jobs));
            long second = orZero(Fixtures.released(
                    fr.passerelle.publish.CellName.fit("BTS-CG", m, m == 6 ? "study" : "other"), studies));
            Long outside =
                    Fixtures.released(fr.passerelle.publish.CellName.fitOutsideStudy("BTS-CG", m), m == 6 ? jobs : all);
            long base = outside == null ? 0 : Math.max(outside, target + (m == 6 ? 0 : second));
            return Math.max(target + second, base + (m == 6 ? second : 0));
        };
        java.util.function.IntFunction<Long> cohort = m -> Math.max(
                Math.max(Fixtures.released(fr.passerelle.publish.CellName.cohort("BTS-CG", m), all), fitLeast.apply(m)),
                java.util.stream.Stream.of(
                                Fixtures.released(fr.passerelle.publish.CellName.outcome("BTS-CG", m, "job:M"), jobs),
                                // In further study until March 2021: at 6 months, then in no recorded situation.
                                Fixtures.released(
                                        fr.passerelle.publish.CellName.outcome("BTS-CG", m, m == 6 ? "study" : "other"),
                                        studies))
                        .filter(java.util.Objects::nonNull)
                        .mapToLong(Long::longValue)
                        .sum());
        assertEquals(cohort.apply(6), six.get("people").asLong());
        JsonNode job = six.get("situations").get(0);
        assertEquals("job", job.get("situation").asText());
        assertEquals("M", job.get("domain").asText());
        assertEquals(
                Fixtures.released(fr.passerelle.publish.CellName.outcome("BTS-CG", 6, "job:M"), jobs),
                job.get("people").asLong());
        assertEquals(
                share(
                        Fixtures.released(fr.passerelle.publish.CellName.outcome("BTS-CG", 6, "job:M"), jobs),
                        cohort.apply(6)),
                job.get("share").get("value").asDouble(),
                1e-9);
        // The 12 in further study, then in no recorded situation: shown when their perturbed count reaches k.
        assertEquals(
                Fixtures.released(fr.passerelle.publish.CellName.outcome("BTS-CG", 6, "study"), studies),
                situation(six, "study"));
        assertEquals(
                Fixtures.released(fr.passerelle.publish.CellName.outcome("BTS-CG", 12, "other"), studies),
                situation(outcomes.get(1), "other"),
                "studies ended in March 2021");
        assertNull(situation(outcomes.get(1), "study"));
        assertEquals(
                cohort.apply(36),
                api.json("/api/steps/BTS-CG/outcomes?months=36", 200)
                        .get("outcomes")
                        .get(0)
                        .get("people")
                        .asLong());
        JsonNode notReleased = api.json("/api/steps/BTS-CG/outcomes?months=72", 400);
        assertEquals("months", notReleased.get("parameter").asText());
        assertTrue(notReleased.get("allowed").asText().contains("[6, 12, 24, 36]"));
        assertEquals(
                "months",
                api.json("/api/steps/BTS-CG/outcomes?months=0", 400)
                        .get("parameter")
                        .asText());
    }

    /** The people of a situation in an answer at some months, null when it is not listed. */
    static Long situation(JsonNode atMonths, String situation) {
        for (JsonNode s : atMonths.get("situations")) {
            if (s.get("situation").asText().equals(situation)) {
                return s.get("people").asLong();
            }
        }
        return null;
    }

    @Test
    void similarStepsShareDestinations() throws Exception {
        JsonNode similar = api.json("/api/steps/BAC-PRO-MCV/similar", 200).get("similar");
        assertEquals("BAC-STMG", similar.get(0).get("step").get("id").asText());
        assertEquals("BTS-MCO", similar.get(0).get("sharedDestinations").get(0).asText());
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
