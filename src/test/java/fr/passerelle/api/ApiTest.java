package fr.passerelle.api;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.publish.CellName;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over real HTTP on a real Neo4j, on a hand-built population whose answers are known exactly. */
class ApiTest {
    static Javalin app;
    static fr.passerelle.publish.ReleaseApi release;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start(@TempDir Path dir) {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        lines.addAll(people("a", 30, "education:BTS-SIO-SLAM:2018-09", "job:M1805:2020-09"));
        lines.addAll(people("b", 12, "education:BTS-SIO-SLAM:2018-09", "education:LIC-INFO:2020-09"));
        lines.addAll(people("c", 4, "education:BTS-SIO-SLAM:2018-09", "job:M1802:2020-10"));
        lines.addAll(people("d", 25, "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        lines.addAll(people("e", 16, "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        lines.addAll(people("f", 5, "education:BTS-CG:2018-09", "job:M1203:2020-09"));
        Fixtures.importer(db, 50).importFiles(List.of(Fixtures.write(dir, "api.jsonl", lines)), false, n -> {});
        release = Fixtures.release(db, dir);
        app = ApiServer.create(Fixtures.services(release)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        release.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(expectedStatus, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void health() throws Exception {
        JsonNode health = json("/api/health", 200);
        assertEquals("ok", health.get("status").asText());
        assertEquals(11, health.get("k").asInt());
        assertTrue(health.get("datasetVersion").asLong() >= 1);
        assertFalse(health.get("synthetic").asBoolean(), "people of source 'test' are not the demo's invented ones");
    }

    @Test
    void regionsAndPeriodsAreListedWithTheirNamesAndRegionsAreTakenAsImportTakesThem() throws Exception {
        JsonNode regions = json("/api/regions", 200).get("regions");
        assertEquals(18, regions.size(), regions.toString());
        assertTrue(regions.toString().contains("{\"code\":\"53\",\"name\":\"Bretagne\"}"), regions.toString());
        JsonNode periods = json("/api/periods", 200);
        assertEquals("before-1990", periods.get("periods").get(0).get("code").asText());
        assertTrue(periods.get("since")
                .get(periods.get("since").size() - 1)
                .get("toMonths")
                .isNull());
        // A name, a department and a code are one question: the same released cells.
        JsonNode byCode = json("/api/steps/BTS-MCO/next?region=84", 200);
        JsonNode byName = json("/api/steps/BTS-MCO/next?region=auvergne-rhone-alpes", 200);
        JsonNode byDepartment = json("/api/steps/BTS-MCO/next?region=dep:69", 200);
        assertEquals(byCode.get("next"), byName.get("next"));
        assertEquals(byCode.get("next"), byDepartment.get("next"));
        // Nobody of this population left BTS-MCO in Auvergne-Rhône-Alpes: each backs off to everyone, saying the
        // region it was asked, the same for the three spellings.
        assertTrue(byName.get("scope").get("asked").asText().endsWith("in region 84"), byName.toString());
        assertEquals(byCode.get("scope"), byName.get("scope"));
        assertEquals(byCode.get("scope"), byDepartment.get("scope"));
        JsonNode bad = json("/api/steps/BTS-MCO/next?region=atlantis", 400);
        assertTrue(bad.toString().contains("/api/regions"), bad.toString());
    }

    @Test
    void aMisspeltParameterIsRefusedWithTheAllowedOnes() throws Exception {
        // Ignored, it would give the national figures as if they were the region's.
        JsonNode error = json("/api/steps/BTS-MCO/next?regoin=84", 400);
        assertEquals("unknown parameter", error.get("error").asText());
        assertEquals("regoin", error.get("parameter").asText());
        assertEquals("region", error.get("closeMatches").get(0).asText());
        assertTrue(error.get("allowed").toString().contains("since"), error.toString());
        json("/api/steps?q=bts&limt=3", 400);
        json("/api/health?x=1", 400);
        // Every parameter the contract declares is taken.
        json("/api/steps/BTS-MCO/next?region=84", 200);
        json("/api/steps?q=bts&limit=3&kind=education", 200);
    }

    @Test
    void nextStepsAreReleasedCellsWithTheirNoiseAndSmallGroupsNeverShow() throws Exception {
        JsonNode next = json("/api/steps/BTS-SIO-SLAM/next", 200);
        List<String> a = Fixtures.ids("a", 30);
        List<String> b = Fixtures.ids("b", 12);
        List<String> c = Fixtures.ids("c", 4);
        Long leaving = Fixtures.leaving(List.of("BTS-SIO-SLAM"), a, b, c);
        assertEquals(leaving, next.get("peopleLeaving").asLong());
        assertTrue(Math.abs(leaving - 46) <= Fixtures.NOISE.maxNoise());
        JsonNode first = next.get("next").get(0);
        assertEquals("M1805", first.get("step").get("id").asText());
        long m1805 = Fixtures.path(List.of("BTS-SIO-SLAM", "M1805"), a);
        assertEquals(m1805, first.get("people").asLong());
        assertTrue(Math.abs(m1805 - 30) <= Fixtures.NOISE.maxNoise());
        fr.passerelle.privacy.Share share = fr.passerelle.privacy.Share.of(m1805, leaving);
        assertEquals(
                share.value(),
                first.get("share").get("value").asDouble(),
                1e-9,
                "shares come from the perturbed counts");
        assertEquals(share.low(), first.get("share").get("low").asDouble(), 1e-9);
        assertEquals(24, first.get("medianMonths").asInt());
        // LIC-INFO (12) shows exactly when its perturbed count reaches k; M1802 (4) never can.
        Long licInfo = Fixtures.path(List.of("BTS-SIO-SLAM", "LIC-INFO"), b);
        assertEquals(licInfo == null ? 1 : 2, next.get("next").size());
        assertTrue(!next.toString().contains("M1802"));
        long shown = m1805 + (licInfo == null ? 0 : licInfo);
        assertEquals(
                leaving - shown >= 11 ? (Object) (leaving - shown) : null,
                next.get("hiddenPeople").isNull()
                        ? null
                        : (Object) next.get("hiddenPeople").asLong());
        assertEquals(
                "cypher/queries/next-steps.cypher",
                next.get("evidence").get("query").asText());
        assertEquals(11, next.get("evidence").get("k").asInt());
    }

    @Test
    void theSameQuestionAlwaysGetsTheSameNumbers() throws Exception {
        String first = get("/api/steps/BTS-MCO/next").body().replaceAll("\"generatedAt\":\"[^\"]*\"", "");
        for (int i = 0; i < 5; i++) {
            assertEquals(first, get("/api/steps/BTS-MCO/next").body().replaceAll("\"generatedAt\":\"[^\"]*\"", ""));
        }
        JsonNode next = json("/api/steps/BTS-MCO/next", 200);
        assertEquals(
                Fixtures.path(List.of("BTS-MCO", "D1301"), Fixtures.ids("d", 25)),
                next.get("next").get(0).get("people").asLong());
        assertEquals(
                Fixtures.path(List.of("BTS-MCO", "D1502"), Fixtures.ids("e", 16)),
                next.get("next").get(1).get("people").asLong());
    }

    @Test
    void aStepWithFewerThanKPeopleShowsNoCount() throws Exception {
        JsonNode step = json("/api/steps/BTS-CG", 200);
        assertTrue(step.get("people").isNull());
        JsonNode next = json("/api/steps/BTS-CG/next", 200);
        assertTrue(next.get("peopleLeaving").isNull());
        assertEquals(0, next.get("next").size());
        assertTrue(next.get("hiddenPeople").isNull());
        assertTrue(
                !get("/api/steps/BTS-CG/next").body().matches(".*\"people(Leaving)?\":[0-9].*"), "no count anywhere");
    }

    @Test
    void searchIgnoresAccentsAndCaseAndRanksPrefixesFirst() throws Exception {
        JsonNode hits = json("/api/steps?q=ETUDES%20ET%20DEVELOPPEMENT", 200).get("steps");
        assertEquals("M1805", hits.get(0).get("id").asText());
        assertEquals(
                "Études et développement informatique", hits.get(0).get("label").asText());
        assertEquals(
                Fixtures.path(List.of("M1805"), Fixtures.ids("a", 30)),
                hits.get(0).get("people").asLong());
        JsonNode byCode =
                json("/api/steps?q=bts-sio&kind=education&limit=5", 200).get("steps");
        assertEquals("BTS-SIO-SLAM", byCode.get(0).get("id").asText(), "the more travelled first");
        assertEquals("BTS-SIO-SISR", byCode.get(1).get("id").asText());
        JsonNode jobs = json("/api/steps?q=informatique&kind=job&limit=50", 200).get("steps");
        jobs.forEach(s -> assertEquals("job", s.get("kind").asText()));
    }

    @Test
    void searchFindsWhatPeopleTypeAndSaysWhenItCorrectedAWordOrFoundNothing() throws Exception {
        assertEquals("J1506", first("/api/steps?q=infirmi%C3%A8re&kind=job"), "a job title in the feminine");
        assertEquals("BAC-PRO-MCV", first("/api/steps?q=bac%20pro%20commerce"), "the page's own placeholder");
        assertEquals("J1501", first("/api/steps?q=aide%20soignante&kind=job"));
        assertEquals("BTS-SIO-SLAM", first("/api/steps?q=sio%20bts%20slam"), "word order is free");
        assertEquals("BUT-INFO", first("/api/steps?q=dut%20info"), "an old diploma name");
        JsonNode typo = json("/api/steps?q=infirmeire&kind=job", 200);
        assertEquals("J1506", typo.get("steps").get(0).get("id").asText());
        assertEquals("infirmier", typo.get("didYouMean").asText());
        assertTrue(typo.get("reason").isNull());
        JsonNode plain = json("/api/steps?q=comptable", 200);
        assertTrue(plain.get("didYouMean").isNull(), "no correction when every word is known");
        JsonNode nothing = json("/api/steps?q=zzqxv", 200);
        assertEquals(0, nothing.get("steps").size());
        assertTrue(nothing.get("reason").asText().contains("zzqxv"), nothing.toString());
        List<String> close = new ArrayList<>();
        json("/api/steps/infirmiere/next", 404)
                .get("closeMatches")
                .forEach(m -> close.add(m.get("id").asText()));
        assertTrue(close.contains("J1506") && close.contains("DE-INFIRMIER"), close.toString());
    }

    private static String first(String path) throws Exception {
        JsonNode steps = json(path, 200).get("steps");
        assertTrue(steps.size() > 0, path + " found nothing");
        return steps.get(0).get("id").asText();
    }

    @Test
    void everyMissingFigureAndEmptyListSaysWhy() throws Exception {
        // BTS-CG: 5 people, fewer than k left it, and no destination is listed.
        JsonNode few = json("/api/steps/BTS-CG/next", 200);
        assertTrue(few.get("peopleLeaving").isNull());
        assertEquals("fewer than k", few.get("reasons").get("peopleLeaving").asText());
        assertEquals("fewer than k", few.get("reasons").get("next").asText());
        // A kind filter leaves out released destinations: counted apart, not as hidden.
        JsonNode sio = json("/api/steps/BTS-SIO-SLAM/next", 200);
        JsonNode education = json("/api/steps/BTS-SIO-SLAM/next?kind=education", 200);
        long jobs = 0;
        for (JsonNode n : sio.get("next")) {
            jobs += n.get("step").get("kind").asText().equals("job")
                    ? n.get("people").asLong()
                    : 0;
        }
        assertEquals(jobs, education.get("filteredOutPeople").asLong());
        assertEquals(sio.get("hiddenPeople"), education.get("hiddenPeople"), "hidden means too small to list");
        assertTrue(sio.get("filteredOutPeople").isNull(), "no filter, nothing filtered out");
        JsonNode other = json("/api/steps/BTS-MCO/next?kind=education", 200);
        assertEquals(0, other.get("next").size());
        assertEquals("filtered out", other.get("reasons").get("next").asText());
        // A back-off says so in words.
        JsonNode backedOff = json("/api/steps/M1805/next?after=BTS-MCO", 200);
        assertTrue(backedOff.get("reasons").get("pathUsed").asText().startsWith("fewer than k"), backedOff.toString());
        // The step itself in the path before it is a contradiction, not a national answer.
        JsonNode itself = json("/api/steps/BTS-SIO-SLAM/next?after=BAC-STMG,BTS-SIO-SLAM", 400);
        assertEquals("after", itself.get("parameter").asText());
        // Nothing released on a route: said, not just an empty list.
        JsonNode routes = json("/api/routes?from=BTS-CG&to=M1203", 200);
        assertEquals("fewer than k", routes.get("reasons").get("observed").asText());
    }

    @Test
    void unknownStepIs404WithCloseMatches() throws Exception {
        JsonNode error = json("/api/steps/BTS-SIO/next", 404);
        assertEquals("unknown step", error.get("error").asText());
        assertEquals("BTS-SIO", error.get("step").asText());
        List<String> close = new ArrayList<>();
        error.get("closeMatches").forEach(m -> close.add(m.get("id").asText()));
        assertTrue(close.containsAll(List.of("BTS-SIO-SLAM", "BTS-SIO-SISR")), close.toString());
        assertEquals(
                "M1805",
                json("/api/steps/m1805x", 404)
                        .get("closeMatches")
                        .get(0)
                        .get("id")
                        .asText());
    }

    @Test
    void badParametersAre400NamingTheParameterAndTheRange() throws Exception {
        JsonNode limit = json("/api/steps?q=bts&limit=500", 400);
        assertEquals("limit", limit.get("parameter").asText());
        assertEquals("1..50", limit.get("allowed").asText());
        JsonNode kind = json("/api/steps?q=bts&kind=school", 400);
        assertEquals("kind", kind.get("parameter").asText());
        assertEquals("education, job, other", kind.get("allowed").asText());
        assertEquals("limit", json("/api/steps?limit=abc", 400).get("parameter").asText());
    }

    @Test
    void theProcessingRegisterStatesWhatADpoNeedsInFrenchAndEnglish() throws Exception {
        JsonNode fr = json("/api/privacy", 200);
        assertEquals("fr", fr.get("language").asText());
        assertTrue(fr.get("legalBasis").asText().startsWith("Intérêt légitime"));
        assertEquals(
                Fixtures.released(
                        CellName.EVERYONE,
                        Fixtures.ids("a", 30),
                        Fixtures.ids("b", 12),
                        Fixtures.ids("c", 4),
                        Fixtures.ids("d", 25),
                        Fixtures.ids("e", 16),
                        Fixtures.ids("f", 5)),
                fr.get("peopleHeld").asLong());
        assertTrue(fr.get("releasedTables").size() >= 9);
        assertEquals("test", fr.get("sources").get(0).asText());
        assertEquals(
                Fixtures.KEY.keyId(), fr.get("pseudonymisation").get("keyId").asText());
        assertEquals(24, fr.get("retention").get("months").asInt());
        assertEquals(11, fr.get("disclosureThresholds").get("k").asInt());
        JsonNode en = json("/api/privacy?lang=en", 200);
        assertTrue(en.get("legalBasis").asText().startsWith("Legitimate interest"));
        assertTrue(en.get("dataDropped").toString().contains("Names"));
        assertEquals("lang", json("/api/privacy?lang=de", 400).get("parameter").asText());
        assertTrue(!get("/api/privacy").body().contains("0123456789abcdef"), "the secret never leaves");
    }

    @Test
    void theNoticeStatesTheLiveSettingsInFrenchAndEnglish() throws Exception {
        fr.passerelle.privacy.Register.Settings settings = new fr.passerelle.privacy.Register.Settings(
                Fixtures.KEY.keyId(), 18, "REGION", "Observatoire régional des parcours", "dpo@example.org");
        Javalin notice = ApiServer.create(fr.passerelle.recommend.Services.over(
                        release.database(), Thresholds.defaults(), Fixtures.CLOCK, settings))
                .start("127.0.0.1", 0);
        try {
            HttpResponse<String> fr = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + notice.port() + "/vie-privee"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, fr.statusCode());
            String page = fr.body();
            for (String expected : List.of(
                    "Observatoire régional des parcours",
                    "mailto:dpo@example.org",
                    "18 mois",
                    "id=\"publication\"",
                    "75 à 81",
                    "moins de 11 personnes",
                    "intérêt légitime",
                    "Noms, adresses électroniques",
                    "<li>test</li>")) {
                assertTrue(page.contains(expected), "the notice says " + expected);
            }
            assertTrue(!page.contains("<script"), "no script");
            String en = HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + notice.port() + "/vie-privee?lang=en"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertTrue(en.contains("How long") && en.contains("18 months") && en.contains("legitimate interest"), en);
        } finally {
            notice.stop();
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of(
                "/api/health",
                "/api/steps/BTS-MCO/next",
                "/api/nope",
                "/",
                "/app.js",
                "/api/docs",
                "/api/openapi.json",
                "/guide/fr.html",
                "/vie-privee")) {
            HttpResponse<String> r = get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(
                    csp.contains("default-src 'self'")
                            && csp.contains("frame-ancestors 'none'")
                            && !csp.contains("script-src 'self' 'unsafe"),
                    path + ": " + csp);
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals(
                    "no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
        assertTrue(!get("/api/docs").body().contains("<script>"), "no inline script in the docs page");
    }

    @Test
    void wrongMethodsAre405WithAllow() throws Exception {
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/steps/BTS-MCO/next"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode(), post.body());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        assertEquals(
                "method not allowed", JSON.readTree(post.body()).get("error").asText());
        HttpResponse<String> get = get("/api/admin/erase");
        assertEquals(405, get.statusCode(), get.body());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void jettysOwnErrorsAreJsonToo() throws Exception {
        // A header past Jetty's limit never reaches the routes: Jetty answers 431 itself.
        HttpResponse<String> huge = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/health"))
                        .header("X-Padding", "x".repeat(64 * 1024))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(431, huge.statusCode());
        assertTrue(huge.headers().firstValue("content-type").orElse("").startsWith("application/json"), huge.body());
        assertEquals(
                "request headers too large",
                JSON.readTree(huge.body()).get("error").asText());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.getOutputStream()
                    .write("GET /api/steps/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("application/json") && answer.contains("\"error\""), answer);
        }
    }

    @Test
    void unknownPathsAnswerJson() throws Exception {
        JsonNode error = json("/api/nope", 404);
        assertEquals("no such endpoint", error.get("error").asText());
        assertNull(error.get("stack"));
    }
}
