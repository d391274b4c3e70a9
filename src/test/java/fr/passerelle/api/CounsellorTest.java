package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import io.javalin.Javalin;
import java.nio.file.Files;
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
 * What a counsellor reads, over HTTP, in the page and in the access log, on a real release: the carrefour, "how
 * likely, how long", a step's openness and the composed counselling answer. 112 people left a bac pro MCV (target jobs D1403, D1408) in June
 * 2016. 30 went on to a BTS MCO, then a job of the bac pro's field (D1401) in 2018; 40 took a target job (D1403),
 * 15 of whom moved to cleaning (K2204, another domain) in 2017; 30 took cleaning jobs directly, 15 of whom moved
 * to D1403 in 2017; 12 have nothing after.
 */
class CounsellorTest {
    static Javalin app;
    static fr.passerelle.publish.ReleaseApi release;
    static ApiClient api;
    static Path accessLog;

    static String step(String kind, String code, String start, String end) {
        return "{\"kind\":\"" + kind + "\",\"code\":\"" + code + "\",\"start\":\"" + start + "\""
                + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}";
    }

    static void add(List<String> lines, String prefix, int count, String... steps) {
        String bacPro = step("education", "BAC-PRO-MCV", "2013-09", "2016-06");
        for (int i = 0; i < count; i++) {
            lines.add("{\"source\":\"test\",\"id\":\"" + prefix + "-" + i + "\",\"steps\":[" + bacPro
                    + (steps.length == 0 ? "" : "," + String.join(",", steps)) + "]}");
        }
    }

    @BeforeAll
    static void start(@TempDir Path dir) {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        add(
                lines,
                "bts",
                30,
                step("education", "BTS-MCO", "2016-09", "2018-06"),
                step("job", "D1401", "2018-09", null));
        add(lines, "target-stays", 25, step("job", "D1403", "2016-09", null));
        add(
                lines,
                "target-moves",
                15,
                step("job", "D1403", "2016-09", "2016-12"),
                step("job", "K2204", "2017-01", null));
        add(lines, "other-stays", 15, step("job", "K2204", "2016-09", null));
        add(
                lines,
                "other-moves",
                15,
                step("job", "K2204", "2016-09", "2016-12"),
                step("job", "D1403", "2017-01", null));
        add(lines, "nothing", 12);
        Fixtures.importer(db, 100).importFiles(List.of(Fixtures.write(dir, "fork.jsonl", lines)), false, n -> {});
        release = Fixtures.release(db, dir);
        accessLog = dir.resolve("logs").resolve("access.log");
        app = ApiServer.create(
                        Fixtures.services(release),
                        ApiServer.Options.defaults().withAccessLog(AccessLog.to(accessLog)),
                        new ArrayList<>())
                .start("127.0.0.1", 0);
        api = new ApiClient(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
        if (release != null) {
            release.close();
        }
    }

    static Map<String, JsonNode> roads(JsonNode fork) {
        Map<String, JsonNode> roads = new HashMap<>();
        fork.get("roads").forEach(r -> roads.put(r.get("id").asText(), r));
        return roads;
    }

    static long people(JsonNode road, String situation) {
        for (JsonNode s : road.get("situations")) {
            if (s.get("situation").asText().equals(situation)) {
                return s.get("people").asLong();
            }
        }
        return 0;
    }

    static void near(long expected, long actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 3, what + ": " + actual + ", expected " + expected + " within ±3");
    }

    /**
     * The roads of the people who spent as long at the step (one dimension, as next's since): everyone here spent 34
     * months at the bac pro, so the 24-35 bin holds the same roads and a bin nobody is in backs off, saying so.
     */
    @Test
    void theRoadsOfThePeopleWhoSpentAsLongAtTheStep() throws Exception {
        JsonNode fork = api.json("/api/steps/BAC-PRO-MCV/fork?months=12&since=30", 200);
        PrivacyPropertyTest.check(fork, fr.passerelle.privacy.Thresholds.defaults(), "fork", "");
        PrivacyPropertyTest.partsWithinWhole(fork, "fork");
        assertEquals("24-35", fork.get("sinceRequested").asText());
        assertEquals("24-35", fork.get("since").asText());
        Map<String, JsonNode> roads = roads(fork);
        assertEquals(java.util.Set.of("BTS-MCO", "D1403", "K2204", "otherDomainJob"), roads.keySet(), fork.toString());
        near(40, roads.get("D1403").get("people").asLong(), "D1403's people who spent 24-35 months at the bac pro");
        near(25, people(roads.get("D1403"), "jobInField"), "still in a target job a year on");
        JsonNode nobody = api.json("/api/steps/BAC-PRO-MCV/fork?months=12&since=3", 200);
        assertEquals("0-5", nobody.get("sinceRequested").asText());
        assertTrue(nobody.get("since").isNull(), nobody.toString());
        assertTrue(nobody.get("reasons").get("since").asText().contains("fewer than k"), nobody.toString());
        assertEquals(
                roads(api.json("/api/steps/BAC-PRO-MCV/fork?months=12", 200)).keySet(),
                roads(nobody).keySet());
        api.json("/api/steps/BAC-PRO-MCV/fork?months=12&since=-1", 400);
        // By the step before: the BTS's roads for those who came from the bac pro (one dimension at a time).
        JsonNode after = api.json("/api/steps/BTS-MCO/fork?months=12&after=BAC-PRO-MCV", 200);
        PrivacyPropertyTest.check(after, fr.passerelle.privacy.Thresholds.defaults(), "fork", "");
        assertEquals("BAC-PRO-MCV", after.get("after").asText(), after.toString());
        near(30, roads(after).get("D1401").get("people").asLong(), "from the bac pro, through the BTS, to D1401");
        JsonNode elsewhere = api.json("/api/steps/BTS-MCO/fork?months=12&after=K2204", 200);
        assertTrue(elsewhere.get("after").isNull(), elsewhere.toString());
        assertTrue(elsewhere.get("reasons").get("after").asText().contains("fewer than k"), elsewhere.toString());
        api.json("/api/steps/BTS-MCO/fork?months=12&after=BAC-PRO-MCV&since=30", 400);
        api.json("/api/steps/BTS-MCO/fork?months=12&after=NOPE-XYZ", 404);
        // The counsellor's page keeps everyone's roads: the time spent did not predict better held out.
        JsonNode counsel =
                ApiClient.JSON.readTree(post("/api/counsel", "{\"path\":[\"BAC-PRO-MCV\"],\"monthsInCurrent\":30}")
                        .body());
        assertTrue(
                counsel.get("fork").get("sinceRequested").isNull(),
                counsel.get("fork").toString());
    }

    @Test
    void eachRoadSaysWhatBecameOfItsPeople() throws Exception {
        JsonNode fork = api.json("/api/steps/BAC-PRO-MCV/fork?months=12", 200);
        PrivacyPropertyTest.check(fork, fr.passerelle.privacy.Thresholds.defaults(), "fork", "");
        PrivacyPropertyTest.partsWithinWhole(fork, "fork");
        assertEquals("targets", fork.get("field").asText(), "the bac pro has target jobs");
        assertTrue(
                fork.get("note").asText().contains("not what the road causes"),
                fork.get("note").asText());
        assertTrue(
                api.json("/api/steps/BAC-PRO-MCV/fork?months=12&lang=fr", 200)
                        .get("note")
                        .asText()
                        .contains("pas ce que le chemin provoque"),
                "in French when asked");
        Map<String, JsonNode> roads = roads(fork);
        assertEquals(java.util.Set.of("BTS-MCO", "D1403", "K2204", "otherDomainJob"), roads.keySet(), fork.toString());
        near(40, roads.get("D1403").get("people").asLong(), "D1403's people");
        near(25, people(roads.get("D1403"), "jobInField"), "still in a target job a year on");
        near(15, people(roads.get("D1403"), "jobOther"), "moved to another domain");
        near(30, people(roads.get("BTS-MCO"), "study"), "in the BTS a year on");
        near(15, people(roads.get("K2204"), "jobInField"), "moved into the field");
        // A job in another domain, whichever: here the cleaning jobs, the same people.
        assertEquals("otherDomainJob", roads.get("otherDomainJob").get("kind").asText());
        assertTrue(roads.get("otherDomainJob").get("road").isNull());
        near(30, roads.get("otherDomainJob").get("people").asLong(), "a job in another domain directly");
        // Three years on the BTS road has reached the field.
        Map<String, JsonNode> later = roads(api.json("/api/steps/BAC-PRO-MCV/fork?months=36", 200));
        near(30, people(later.get("BTS-MCO"), "jobInField"), "the BTS's people in the field three years on");
        // Most people first.
        assertEquals("D1403", fork.get("roads").get(0).get("id").asText(), fork.toString());
    }

    @Test
    void twoRoadsAreComparedAsSharesWithAnIntervalNeverAsACount() throws Exception {
        JsonNode fork = api.json("/api/steps/BAC-PRO-MCV/fork?months=12&compare=D1403,K2204", 200);
        Map<String, JsonNode> roads = roads(fork);
        JsonNode differences = fork.get("differences");
        assertEquals(2, differences.size(), "jobInField and jobOther have a share on both roads: " + differences);
        for (JsonNode d : differences) {
            String situation = d.get("situation").asText();
            double a = share(roads.get("D1403"), situation);
            double b = share(roads.get("K2204"), situation);
            assertEquals(a - b, d.get("value").asDouble(), 0.0002, d.toString());
            assertTrue(
                    d.get("low").asDouble() < d.get("value").asDouble()
                            && d.get("value").asDouble() < d.get("high").asDouble(),
                    d.toString());
            assertTrue(!d.has("people"), "a difference is never a count: " + d);
        }
        assertEquals(
                0,
                api.json("/api/steps/BAC-PRO-MCV/fork?months=12", 200)
                        .get("differences")
                        .size());
    }

    static double share(JsonNode road, String situation) {
        for (JsonNode s : road.get("situations")) {
            if (s.get("situation").asText().equals(situation)) {
                return s.get("share").get("value").asDouble();
            }
        }
        throw new AssertionError(situation + " not on " + road);
    }

    @Test
    void badQuestionsSayWhatIsAllowed() throws Exception {
        JsonNode unknown = api.json("/api/steps/BAC-PRO-MCV/fork?months=12&compare=D1403,M1805", 400);
        assertEquals("no such road from this step", unknown.get("error").asText());
        assertTrue(unknown.get("roads").toString().contains("K2204"), unknown.toString());
        api.json("/api/steps/BAC-PRO-MCV/fork?compare=D1403", 400);
        api.json("/api/steps/BAC-PRO-MCV/fork?compare=D1403,D1403", 400);
        JsonNode months = api.json("/api/steps/BAC-PRO-MCV/fork?months=6", 400);
        assertTrue(months.toString().contains("12, 24, 36"), months.toString());
        api.json("/api/steps/BAC-PRO-MCV/fork?monhts=12", 400);
        JsonNode typo = api.json("/api/steps/BAC-PRO-MVC/fork", 404);
        assertTrue(typo.toString().contains("BAC-PRO-MCV"), "a close match: " + typo);
        // A step nobody left: no road, and the reason.
        JsonNode none = api.json("/api/steps/D1401/fork", 200);
        assertTrue(none.get("roads").isEmpty() && none.get("reasons").has("roads"), none.toString());
    }

    static Map<Integer, JsonNode> horizons(JsonNode reach) {
        Map<Integer, JsonNode> by = new HashMap<>();
        reach.get("horizons").forEach(h -> by.put(h.get("months").asInt(), h));
        return by;
    }

    @Test
    void howLikelyAndHowLongFromTheStartOfAStepToAJobOrADomain() throws Exception {
        // D1403 after a bac pro started in September 2013: 40 people in September 2016 (36 months), 15 in January
        // 2017 (40 months); every one observed ten years on.
        JsonNode job = api.json("/api/reach?from=BAC-PRO-MCV&to=D1403", 200);
        PrivacyPropertyTest.check(job, fr.passerelle.privacy.Thresholds.defaults(), "reach", "");
        assertEquals("job", job.get("to").get("kind").asText());
        Map<Integer, JsonNode> at = horizons(job);
        assertEquals(java.util.Set.of(36, 60, 120), at.keySet(), "nobody had reached it in two years: " + job);
        near(112, at.get(36).get("peopleObserved").asLong(), "everyone observed 36 months on");
        near(40, at.get(36).get("peopleReached").asLong(), "reached within 36 months");
        near(55, at.get(60).get("peopleReached").asLong(), "reached within 60 months");
        assertTrue(job.get("reasons").get("horizons").asText().contains("[12, 24]"), job.toString());
        near(55, job.get("peopleReached").asLong(), "everyone seen reaching it");
        assertEquals(36, job.get("medianMonths").asInt(), job.toString());
        JsonNode route = job.get("routes").get(0);
        assertEquals(
                "BAC-PRO-MCV,D1403",
                route.get("steps").findValuesAsText("id").stream()
                        .reduce((a, b) -> a + "," + b)
                        .orElseThrow());
        near(40, route.get("people").asLong(), "the direct route");
        assertEquals("/api/routes?from=BAC-PRO-MCV&to=D1403", route.get("link").asText());
        assertEquals(2, job.get("routes").size(), "and through cleaning: " + job.get("routes"));
        // Any job of domain D: D1403 (36 and 40 months) and D1401 after the BTS (60 months).
        JsonNode domain = api.json("/api/reach?from=BAC-PRO-MCV&to=d", 200);
        assertEquals("domain", domain.get("to").get("kind").asText());
        near(40, horizons(domain).get(36).get("peopleReached").asLong(), "domain D within 36 months");
        near(85, horizons(domain).get(60).get("peopleReached").asLong(), "domain D within 60 months");
        for (JsonNode h : domain.get("horizons")) {
            assertTrue(
                    h.get("peopleReached").asLong() <= h.get("peopleObserved").asLong(), h.toString());
        }
        // Questions that cannot be answered say why.
        JsonNode notAJob = api.json("/api/reach?from=BAC-PRO-MCV&to=BTS-MCO", 400);
        assertEquals("the target is not a job", notAJob.get("error").asText());
        api.json("/api/reach?from=BAC-PRO-MCV", 400);
        api.json("/api/reach?from=BAC-PRO-MCV&to=D1043", 404);
        JsonNode never = api.json("/api/reach?from=D1401&to=K2204", 200);
        assertTrue(never.get("horizons").isEmpty() && never.get("reasons").has("horizons"), never.toString());
    }

    @Test
    void theOpennessOfAStepComesFromItsReleasedNextSteps() throws Exception {
        JsonNode step = api.json("/api/steps/BAC-PRO-MCV", 200);
        JsonNode openness = step.get("openness");
        assertEquals(3, openness.get("nextSteps").asInt(), openness.toString());
        // 40, 30 and 30 people: exp(entropy) about 2.97 even next steps, "some".
        assertEquals(2.97, openness.get("effectiveNextSteps").asDouble(), 0.08, openness.toString());
        assertEquals("some", openness.get("reading").asText());
        assertTrue(
                openness.get("index").asDouble() > 0.95 && openness.get("index").asDouble() <= 1.0);
        JsonNode closed = api.json("/api/steps/D1401", 200).get("openness");
        assertTrue(closed.get("reading").isNull() && closed.get("nextSteps").asInt() == 0, closed.toString());
    }

    static java.net.http.HttpResponse<String> post(String path, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + app.port() + path))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCounsellingQuestionGoesInABodyAndComesBackComposed() throws Exception {
        var response = post(
                "/api/counsel",
                "{\"path\":[\"BAC-PRO-MCV\"],\"monthsInCurrent\":3,\"region\":\"Bretagne\",\"target\":\"D1403\",\"months\":12}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonNode a = ApiClient.JSON.readTree(response.body());
        PrivacyPropertyTest.check(a, fr.passerelle.privacy.Thresholds.defaults(), "counsel", "");
        assertEquals("BAC-PRO-MCV", a.get("current").get("id").asText());
        // The same figures as the separate answers.
        assertEquals(
                api.json("/api/steps/BAC-PRO-MCV/fork?months=12", 200).get("roads"),
                a.get("fork").get("roads"));
        assertEquals(
                api.json("/api/reach?from=BAC-PRO-MCV&to=D1403", 200).get("horizons"),
                a.get("reach").get("horizons"));
        assertTrue(a.get("bridges").has("bridges"), a.toString());
        assertEquals(api.json("/api/steps/BAC-PRO-MCV", 200).get("openness"), a.get("openness"));
        // One step so far: the months spent in it condition where people went next (one dimension at a time).
        assertTrue(
                a.get("next").get("filters").get("sinceRequested").isTextual(),
                a.get("next").toString());
        // Without a job in mind: no reach, and why.
        JsonNode plain = ApiClient.JSON.readTree(
                post("/api/counsel", "{\"path\":[\"BAC-PRO-MCV\"]}").body());
        assertTrue(plain.get("reach").isNull() && plain.get("reasons").has("reach"), plain.toString());
        assertEquals(24, plain.get("fork").get("months").asInt());
        // Bad bodies name the field.
        JsonNode unknown = ApiClient.JSON.readTree(
                post("/api/counsel", "{\"path\":[\"BAC-PRO-MVC\",\"D1403\"]}").body());
        assertEquals("unknown step", unknown.get("error").asText());
        assertEquals("path[0]", unknown.get("field").asText());
        assertTrue(unknown.get("closeMatches").toString().contains("BAC-PRO-MCV"), unknown.toString());
        var extra = post("/api/counsel", "{\"path\":[\"D1403\"],\"name\":\"Léa\"}");
        assertEquals(400, extra.statusCode());
        assertTrue(extra.body().contains("unknown field"), extra.body());
        assertEquals(400, post("/api/counsel", "{\"path\":[]}").statusCode());
        assertEquals(
                400, post("/api/counsel", "{\"path\":[\"D1403\"],\"months\":6}").statusCode());
        assertEquals(400, post("/api/counsel", "not json").statusCode());
    }

    /**
     * The counsellor's page in Chromium: the path is searched by label and sent in a body; the roads, the chance
     * to reach the job in mind and the take-home sheet on one A4 page; neither the browser's requests nor the
     * server's access log hold the person's steps.
     */
    @Test
    void theCounsellorsPageKeepsThePathOutOfEveryAddressAndPrintsOnePage(@TempDir Path profile) throws Exception {
        JsonNode roads = api.json("/api/steps/BAC-PRO-MCV/fork?months=12", 200).get("roads");
        org.openqa.selenium.chrome.ChromeDriver browser = fr.passerelle.Chromium.start(profile);
        // The access log's lines from here on are the page's alone.
        long logged = Files.exists(accessLog) ? Files.size(accessLog) : 0;
        try {
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20));
            browser.get("http://127.0.0.1:" + app.port() + "/conseil");
            assertTrue(browser.findElement(org.openqa.selenium.By.id("h-promise"))
                    .getText()
                    .contains("enregistré"));
            browser.findElement(org.openqa.selenium.By.id("step-search")).sendKeys("bac pro commerce");
            wait.until(d -> d.findElement(
                            org.openqa.selenium.By.cssSelector("#step-results button[data-code='BAC-PRO-MCV']")))
                    .click();
            browser.findElement(org.openqa.selenium.By.id("job-search")).sendKeys("relation commerciale particuliers");
            wait.until(d -> d.findElement(org.openqa.selenium.By.cssSelector("#job-results button[data-code='D1403']")))
                    .click();
            new org.openqa.selenium.support.ui.Select(browser.findElement(org.openqa.selenium.By.id("horizon")))
                    .selectByValue("12");
            browser.findElement(org.openqa.selenium.By.id("go")).click();
            wait.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#roads .road"))
                    .isEmpty());
            assertEquals(
                    roads.size(),
                    browser.findElements(org.openqa.selenium.By.cssSelector("#roads .road"))
                            .size(),
                    "one block per road of the answer");
            String first = browser.findElement(org.openqa.selenium.By.cssSelector("#roads .road"))
                    .getText();
            assertTrue(first.contains(roads.get(0).get("people").asText()) && first.contains("sur 100"), first);
            String openness = browser.findElement(org.openqa.selenium.By.cssSelector("#next .openness"))
                    .getText();
            assertTrue(openness.contains("ouvre quelques portes"), "40, 30 and 30 people: some doors: " + openness);
            String reach =
                    browser.findElement(org.openqa.selenium.By.id("reach")).getText();
            assertTrue(reach.contains("Après 3 ans") && reach.contains("sur 100"), reach);
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(
                    Path.of("target", "screenshots", "conseil.png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            assertEquals(1, fr.passerelle.Chromium.a4Pages(browser), "the take-home sheet prints on one A4 page");
            for (String url : fr.passerelle.Chromium.requestedUrls(browser)) {
                assertTrue(!url.contains("BAC-PRO-MCV") && !url.contains("D1403"), "the path in an address: " + url);
            }
        } finally {
            browser.quit();
        }
        String log = Files.readString(accessLog).substring((int) logged);
        assertTrue(log.contains(" POST /api/counsel 200 "), log);
        assertTrue(
                !log.contains("BAC-PRO-MCV") && !log.contains("D1403") && !log.contains("commerce"),
                "the access log holds no step, search word or query string: " + log);
    }
}
