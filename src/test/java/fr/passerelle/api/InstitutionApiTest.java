package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.catalog.Uai;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.ImportReport;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.publish.InstitutionTables;
import fr.passerelle.publish.ReleaseApi;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An establishment's private figures over HTTP: the establishment's UAI on education steps (validated,
 * dropped and counted otherwise), its programmes, outcomes by cohort beside the nation's and next steps
 * read with its own institution key only (401 without a key, 403 with a reader's, an admin's or another
 * establishment's), every count at least k, nothing of it in the open release files; the administrators'
 * list. One release for the class.
 */
class InstitutionApiTest {
    /** A lycée of Ille-et-Vilaine (Bretagne) and two of the same département, all invented for the test. */
    static final String LYCEE = Uai.withCheckLetter("0359001");

    static final String LONE = Uai.withCheckLetter("0359002");
    static final String OTHER = Uai.withCheckLetter("0359003");

    @TempDir
    static Path dir;

    static ReleaseApi release;
    static Javalin app;
    static ApiKeys keys;
    static ImportReport report;
    static final Thresholds THRESHOLDS = Thresholds.defaults();

    @BeforeAll
    static void publish() {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        // 90 leavers of a bac pro at the lycée in 2014-2017 (two exit cohorts): 45 go on to a BTS there, 22 to one of
        // its target jobs, 14 to another job of its broad domain, 9 stop.
        for (int i = 0; i < 90; i++) {
            int year = 2014 + i % 4;
            StringBuilder steps = new StringBuilder(step("education", "BAC-PRO-MCV", year - 3, year, LYCEE));
            if (i < 45) {
                steps.append(',').append(step("education", "BTS-MCO", year, year + 2, LYCEE));
                steps.append(',').append(step("job", "D1301", year + 2, -1, null));
            } else if (i < 67) {
                // A target job of the bac pro (D1403), then a job of its broad domain that is not a target (D1214).
                steps.append(',').append(step("job", "D1403", year, -1, null));
            } else if (i < 81) {
                steps.append(',').append(step("job", "D1214", year, -1, null));
            }
            lines.add(person("lycee-" + i, steps.toString()));
        }
        // A real lycée of Rennes (0350005R), which InserJeunes publishes figures for.
        for (int i = 0; i < 15; i++) {
            lines.add(person(
                    "rennes-" + i,
                    step("education", "BAC-PRO-MCV", 2015, 2018, "0350005R") + ","
                            + step("job", "D1214", 2018, -1, null)));
        }
        // 30 master graduates of 2017 from a real university (Angers, 0490970N), which InserSup surveys.
        for (int i = 0; i < 30; i++) {
            lines.add(person(
                    "angers-" + i,
                    step("education", "MASTER-MEEF", 2015, 2017, "0490970N") + ","
                            + step("job", "K2107", 2017, -1, null)));
        }
        // The only person of the other lycée: alone in every one of its cells.
        lines.add(person(
                "lone",
                step("education", "BAC-PRO-MCV", 2014, 2017, LONE) + "," + step("job", "D1301", 2017, -1, null)));
        // Codes that are not kept: not a UAI, a wrong check letter, an establishment on a job.
        lines.add(person(
                "dropped",
                step("education", "BAC-PRO-MCV", 2013, 2016, "12345678") + ","
                        + step("education", "BTS-MCO", 2016, 2018, "0359001A") + ","
                        + step("job", "D1301", 2018, -1, OTHER)));
        report = Fixtures.importer(db, 100)
                .importFiles(List.of(Fixtures.write(dir, "institutions.jsonl", lines)), false, n -> {});
        // The attack's population in the same release (one store for the class): establishments 0369000.. of its own.
        Fixtures.importer(db, 2000).importRecords(Collusion.population(), n -> {});
        release = Fixtures.release(db, dir);
        keys = ApiKeys.load(dir.resolve("keys").resolve("api-keys.csv"));
        // The register states the establishments that chose to publish, as serve builds it from the home.
        var register = Fixtures.REGISTER;
        app = ApiServer.create(
                        fr.passerelle.recommend.Services.over(
                                release.database(),
                                THRESHOLDS,
                                Fixtures.CLOCK,
                                new fr.passerelle.privacy.Register.Settings(
                                        register.keyId(),
                                        register.retentionMonths(),
                                        register.regionLevel(),
                                        null,
                                        null,
                                        () -> keys.openEstablishments().list())),
                        // With the release's version: answers cached as serve caches them, the private ones apart.
                        new ApiServer.Options(List.of(), release::release)
                                .withAccess(Fixtures.admin(db, release, dir), keys, false, 0),
                        new ArrayList<>())
                .start("127.0.0.1", 0);
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

    static String step(String kind, String code, int from, int to, String uai) {
        return "{\"kind\":\"" + kind + "\",\"code\":\"" + code + "\",\"start\":\"" + from + "-09\""
                + (to < 0 ? "" : ",\"end\":\"" + to + "-06\"") + ",\"region\":\"Bretagne\""
                + (uai == null ? "" : ",\"institution\":\"" + uai + "\"") + "}";
    }

    static String person(String id, String steps) {
        return "{\"source\":\"test\",\"id\":\"" + id + "\",\"steps\":[" + steps + "]}";
    }

    static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return ApiClient.JSON.readTree(response.body());
    }

    @Test
    void establishmentCodesAreKeptOnEducationStepsOnlyAndBadOnesAreCounted() {
        assertEquals(3, report.droppedInstitutions(), report.summary());
        assertTrue(report.summary().contains("establishment codes not kept"), report.summary());
        assertEquals(0, report.skipped(), "a bad establishment code drops the code, not the person");
    }

    @Test
    void onlyTheEstablishmentsOwnKeyReadsItsFigures() throws Exception {
        String lycee = keys.create("lycee", ApiKeys.Role.INSTITUTION, 0, List.of(LYCEE), Fixtures.CLOCK);
        String other = keys.create("other", ApiKeys.Role.INSTITUTION, 0, List.of(OTHER), Fixtures.CLOCK);
        String reader = keys.create("reader", ApiKeys.Role.READER, Fixtures.CLOCK);
        String admin = keys.create("admin", ApiKeys.Role.ADMIN, Fixtures.CLOCK);
        for (String path : List.of(
                "/api/institutions/" + LYCEE + "/programmes",
                "/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/outcomes",
                "/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/next",
                "/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/fit",
                "/api/institutions/" + LYCEE + "/coverage")) {
            // Twice: the second answer comes from the key holders' cache, and the key is checked before it.
            for (int round = 0; round < 2; round++) {
                assertEquals(401, get(path, null).statusCode(), path + " without a key");
                for (String refused : List.of(reader, other, admin)) {
                    HttpResponse<String> r = get(path, refused);
                    assertEquals(403, r.statusCode(), path + ": " + r.body());
                }
                HttpResponse<String> own = get(path, lycee);
                assertEquals(200, own.statusCode(), path + ": " + own.body());
                assertEquals(
                        "private, no-store",
                        own.headers().firstValue("Cache-Control").orElse(""),
                        path);
                assertTrue(own.headers().firstValue("ETag").isEmpty(), path + ": no validator on a private answer");
            }
        }
        HttpResponse<String> bad = get("/api/institutions/not-a-uai/programmes", lycee);
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("not a UAI", json(bad).get("error").asText());
        // The administrators list establishments (with their people, or none below k); they do not read figures.
        assertEquals(403, get("/api/admin/institutions", lycee).statusCode());
        JsonNode list = json(get("/api/admin/institutions", admin)).get("institutions");
        java.util.Map<String, JsonNode> byUai = new java.util.HashMap<>();
        list.forEach(i -> byUai.put(i.get("uai").asText(), i));
        assertTrue(byUai.get(LYCEE).get("people").asLong() >= 85, list.toString());
        assertTrue(byUai.get(LONE).get("people").isNull(), "the lone person's establishment has no count: " + list);
        assertTrue(!byUai.containsKey(OTHER), "a code on a job step names no establishment: " + list);
        assertEquals(
                Collusion.ESTABLISHMENTS + 4, list.size(), "codes that were dropped name no establishment: " + list);
    }

    @Test
    void anEstablishmentThatChoseToPublishIsReadWithoutAKeyAndTheRegisterSaysSo() throws Exception {
        String path = "/api/institutions/" + OTHER + "/steps/BAC-PRO-MCV/next";
        String lonePath = "/api/institutions/" + LONE + "/programmes";
        assertEquals(401, get(lonePath, null).statusCode());
        keys.openEstablishments().open(LONE, Fixtures.CLOCK);
        try {
            HttpResponse<String> open = get(lonePath, null);
            assertEquals(200, open.statusCode(), open.body());
            // Published is not exempt: the lone person's establishment still shows nothing under k.
            assertEquals(0, json(open).get("programmes").size(), open.body());
            assertEquals(401, get(path, null).statusCode(), "another establishment stays private");
            JsonNode register = json(get("/api/privacy", null)).get("openEstablishments");
            assertTrue(register.get("rule").asText().contains("privés"), register.toString());
            assertEquals(LONE, register.get("open").get(0).get("uai").asText(), register.toString());
            String notice = get("/vie-privee", null).body();
            assertTrue(notice.contains(LONE + " ("), "the notice names it");
        } finally {
            keys.openEstablishments().close(LONE);
        }
        assertEquals(401, get(lonePath, null).statusCode(), "closed again: its key only");
    }

    @Test
    void programmesOutcomesAndNextStepsAreReleasedFiguresBesideTheNation() throws Exception {
        String key = keys.create("lycee-figures", ApiKeys.Role.INSTITUTION, 0, List.of(LYCEE), Fixtures.CLOCK);
        JsonNode programmes = json(get("/api/institutions/" + LYCEE + "/programmes", key));
        PrivacyPropertyTest.check(programmes, THRESHOLDS, "programmes", "");
        JsonNode bacPro = programmes.get("programmes").get(0);
        assertEquals("BAC-PRO-MCV", bacPro.get("step").get("id").asText(), programmes.toString());
        long people = bacPro.get("people").asLong();
        assertTrue(Math.abs(people - 90) <= 3, "90 people, within the noise: " + people);
        long cohorts = 0;
        for (JsonNode c : bacPro.get("entryCohorts")) {
            cohorts += c.get("people").asLong();
        }
        assertTrue(cohorts <= people, "entry cohorts within the whole: " + bacPro);
        JsonNode at12 = bacPro.get("outcomes").get(1);
        assertEquals(12, at12.get("months").asInt());
        assertEquals("all", at12.get("exitCohort").asText());
        assertNotNull(at12.get("nation").get("people"), "the nation's figure beside it: " + at12);
        long situations = 0;
        for (JsonNode s : at12.get("situations")) {
            situations += s.get("people").asLong();
        }
        assertTrue(situations <= at12.get("people").asLong(), "situations within the cohort: " + at12);
        assertEquals(2, programmes.get("programmes").size(), "the bac pro and the BTS: " + programmes);

        JsonNode byCohort = json(get("/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/outcomes?months=12", key));
        PrivacyPropertyTest.check(byCohort, THRESHOLDS, "outcomes", "");
        assertTrue(byCohort.get("outcomes").size() >= 2, "every year and at least one cohort: " + byCohort);
        long all = 0;
        long bins = 0;
        for (JsonNode o : byCohort.get("outcomes")) {
            if (o.get("exitCohort").asText().equals("all")) {
                all = o.get("people").asLong();
            } else {
                bins += o.get("people").asLong();
            }
        }
        assertTrue(bins <= all, "every year at least its exit cohorts added up: " + byCohort);

        JsonNode next = json(get("/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/next", key));
        PrivacyPropertyTest.check(next, THRESHOLDS, "next", "");
        PrivacyPropertyTest.partsWithinWhole(next, "next");
        assertEquals("BTS-MCO", next.get("next").get(0).get("step").get("id").asText(), next.toString());
        assertTrue(
                next.get("evidence").get("query").asText().contains("cypher/queries/institution-next.cypher"),
                next.toString());

        HttpResponse<String> unknown = get("/api/institutions/" + LYCEE + "/steps/BAC-PRO-MVC/next", key);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("BAC-PRO-MCV"), "a close match: " + unknown.body());
    }

    @Test
    void theFitWithTheTargetJobsStandsBesideTheNations() throws Exception {
        String key = keys.create("lycee-fit", ApiKeys.Role.INSTITUTION, 0, List.of(LYCEE), Fixtures.CLOCK);
        HttpResponse<String> response = get("/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/fit?months=12", key);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode fit = json(response);
        PrivacyPropertyTest.check(fit, THRESHOLDS, "fit", "");
        assertEquals(List.of("D1403", "D1408"), fit.get("targets").findValuesAsText("code"), fit.toString());
        JsonNode all = fit.get("cohorts").get(0);
        assertEquals("all", all.get("exitCohort").asText(), fit.toString());
        java.util.Map<String, Long> classes = new java.util.HashMap<>();
        all.get("situations")
                .forEach(x ->
                        classes.put(x.get("situation").asText(), x.get("people").asLong()));
        assertTrue(Math.abs(classes.get("target") - 22) <= 3, "22 in a target job, within the noise: " + all);
        // D1214 is of the bac pro's broad domain (D), not of its target jobs' field (D14).
        assertTrue(Math.abs(classes.get("sameDomain") - 14) <= 3, "14 in the same broad domain: " + all);
        long inJob = all.get("inJob").asLong();
        assertTrue(
                classes.values().stream().mapToLong(Long::longValue).sum() <= inJob,
                "the classes within the people in a job: " + all);
        assertTrue(inJob <= all.get("peopleOutsideStudy").asLong(), all.toString());
        double rate = all.get("fitRate").get("value").asDouble();
        assertEquals(
                (double) classes.get("target") / all.get("peopleOutsideStudy").asLong(), rate, 0.01, all.toString());
        assertTrue(fit.has("nation") && fit.get("nation").has("fitRate"), "the nation's rate beside: " + fit);
        // The same answer from the establishment's job counts: in a job never above what the outcomes released.
        JsonNode outcomes =
                json(get("/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/outcomes?months=12&by=all", key));
        long jobs = 0;
        for (JsonNode s : outcomes.get("outcomes").get(0).get("situations")) {
            if (s.get("situation").asText().equals("job")) {
                jobs = s.get("people").asLong();
            }
        }
        assertEquals(jobs, inJob, "one released count for the people in a job: " + outcomes);
        // A step without target jobs says so; another establishment's key is refused.
        JsonNode none = json(get("/api/institutions/" + LYCEE + "/steps/D1403/fit", key));
        assertTrue(none.get("reasons").has("targets"), none.toString());
        String other = keys.create("other-fit", ApiKeys.Role.INSTITUTION, 0, List.of(OTHER), Fixtures.CLOCK);
        assertEquals(
                403,
                get("/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/fit", other)
                        .statusCode());
        assertEquals(
                400,
                get("/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/fit?months=7", key)
                        .statusCode());
    }

    /**
     * "Nation minus the other establishments": each of {@link Collusion#ORIGINS} programmes is taught at two
     * establishments with a dozen or more leavers to each of four next steps, and one planted person took it at a
     * third, alone there. The holders of the two establishments' keys collude, read the open answer for the
     * programme and subtract their own: on exact counts the rest is the planted person's next step every time. On
     * the release they must do no better than guessing from the open answer (stated margin 0.10), and the planted
     * person's own establishment's key sees nothing of them.
     */
    @Test
    void collidingEstablishmentsSubtractingTheirFiguresFromTheNationLearnLittle() throws Exception {
        int attackRight = 0;
        int guessRight = 0;
        int exactRight = 0;
        for (Collusion.Origin origin : Collusion.origins()) {
            String colluders = keys.create(
                    "colluders-" + origin.code(), ApiKeys.Role.INSTITUTION, 0, origin.colluders(), Fixtures.CLOCK);
            String own = keys.create(
                    "alone-" + origin.code(), ApiKeys.Role.INSTITUTION, 0, List.of(origin.alone()), Fixtures.CLOCK);
            java.util.Map<String, Long> nation = counts(json(get("/api/steps/" + origin.code() + "/next", null)));
            java.util.Map<String, Long> theirs = new java.util.HashMap<>();
            for (String e : origin.colluders()) {
                counts(json(get("/api/institutions/" + e + "/steps/" + origin.code() + "/next", colluders)))
                        .forEach((d, n) -> theirs.merge(d, n, Long::sum));
            }
            JsonNode programmes = json(get("/api/institutions/" + origin.alone() + "/programmes", own));
            assertTrue(programmes.get("programmes").isEmpty(), programmes.toString());
            JsonNode next = json(get("/api/institutions/" + origin.alone() + "/steps/" + origin.code() + "/next", own));
            assertTrue(next.get("next").isEmpty(), next.toString());
            java.util.SplittableRandom ties =
                    new java.util.SplittableRandom(origin.code().hashCode());
            String attack = Collusion.best(
                    origin.destinations(), d -> nation.getOrDefault(d, 0L) - theirs.getOrDefault(d, 0L), ties);
            String guess = Collusion.best(origin.destinations(), d -> nation.getOrDefault(d, 0L), ties);
            String exact = Collusion.best(origin.destinations(), d -> d.equals(origin.truth()) ? 1L : 0L, ties);
            attackRight += attack.equals(origin.truth()) ? 1 : 0;
            guessRight += guess.equals(origin.truth()) ? 1 : 0;
            exactRight += exact.equals(origin.truth()) ? 1 : 0;
        }
        int planted = Collusion.ORIGINS;
        double attack = (double) attackRight / planted;
        double guess = (double) guessRight / planted;
        System.out.printf(
                "establishment differencing attack on %d planted people (2 colluding establishments each): exact counts"
                        + " %.3f, release %.3f, guess from the open answer %.3f, chance 0.250%n",
                planted, (double) exactRight / planted, attack, guess);
        assertEquals(planted, exactRight, "on exact counts the collusion singles out everyone");
        assertTrue(attack <= guess + 0.10, "attack " + attack + " vs guess " + guess);
    }

    private static java.util.Map<String, Long> counts(JsonNode answer) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        answer.get("next")
                .forEach(n -> counts.put(
                        n.get("step").get("id").asText(), n.get("people").asLong()));
        return counts;
    }

    /** Where the official files are at hand, the establishment's InserJeunes figure is set beside ours, with its perimeter. */
    @Test
    void theOfficialFigureOfTheEstablishmentStandsBesideOurs() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                fr.passerelle.market.Establishments.standard().find("0350005R").isPresent(),
                "../shared/data/inserjeunes is not at hand");
        String key = keys.create("rennes", ApiKeys.Role.INSTITUTION, 0, List.of("0350005R"), Fixtures.CLOCK);
        JsonNode answer = json(get("/api/institutions/0350005R/programmes", key));
        assertTrue(answer.get("name").asText().startsWith("Lycée polyvalent Yvon-Bourges"), answer.toString());
        assertEquals(32, answer.get("official").get("employed6").asInt(), answer.toString());
        assertEquals(51, answer.get("official").get("study").asInt(), answer.toString());
        assertTrue(answer.get("official").get("perimeter").asText().contains("per programme"), answer.toString());
        assertEquals(
                "BAC-PRO-MCV",
                answer.get("programmes").get(0).get("step").get("id").asText());
        JsonNode lyceeCoverage = json(get("/api/institutions/0350005R/coverage", key));
        assertTrue(lyceeCoverage.get("share").isNull(), lyceeCoverage.toString());
        assertTrue(lyceeCoverage.get("reasons").get("share").asText().contains("not numbers of leavers"));
        // A university: InserSup's masters beside ours, and how much of its graduates the release holds.
        String angers = keys.create("angers", ApiKeys.Role.INSTITUTION, 0, List.of("0490970N"), Fixtures.CLOCK);
        JsonNode university =
                json(get("/api/institutions/0490970N/programmes", angers)).get("official");
        assertEquals(30, university.get("months").asInt(), university.toString());
        assertEquals(2017, university.get("year").asInt(), university.toString());
        assertTrue(
                university.get("graduates").asInt()
                        >= university.get("respondents").asInt(),
                university.toString());
        JsonNode coverage = json(get("/api/institutions/0490970N/coverage", angers));
        PrivacyPropertyTest.check(coverage, THRESHOLDS, "coverage", "");
        assertEquals("2016-2018", coverage.get("exitCohort").asText(), coverage.toString());
        assertEquals(
                "MASTER-MEEF",
                coverage.get("programmes").get(0).get("step").get("id").asText());
        long leavers = coverage.get("releasedLeavers").asLong();
        assertTrue(Math.abs(leavers - 30) <= 3, coverage.toString());
        assertEquals(
                Math.round(Math.round(leavers / 3.0)
                                * 10000.0
                                / university.get("graduates").asInt())
                        / 10000.0,
                coverage.get("share").asDouble(),
                1e-9,
                coverage.toString());
        // A synthetic establishment has no official figure and no name.
        String lycee = keys.create("lycee-official", ApiKeys.Role.INSTITUTION, 0, List.of(LYCEE), Fixtures.CLOCK);
        JsonNode synthetic = json(get("/api/institutions/" + LYCEE + "/programmes", lycee));
        assertTrue(synthetic.get("official").isNull() && synthetic.get("name").isNull(), synthetic.toString());
        JsonNode none = json(get("/api/institutions/" + LYCEE + "/coverage", lycee));
        assertTrue(none.get("share").isNull() && none.get("reasons").has("share"), none.toString());
    }

    /**
     * The establishment's page in headless Chromium: the key typed in the page opens the programmes (the API's
     * figures), a programme's accreditation sheet has its cohorts, next steps, method and noise sentence, downloads
     * as CSV and prints on at most two A4 pages; the key never appears in an address, a wrong key is explained.
     */
    @Test
    void thePageOpensWithTheKeyAndPrintsAnAccreditationSheet(@TempDir Path profile) throws Exception {
        String key = keys.create("lycee-page", ApiKeys.Role.INSTITUTION, 0, List.of(LYCEE), Fixtures.CLOCK);
        JsonNode programmes = json(get("/api/institutions/" + LYCEE + "/programmes", key));
        JsonNode sheet = json(get("/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/outcomes?months=6,12,24", key));
        org.openqa.selenium.chrome.ChromeDriver browser = fr.passerelle.Chromium.start(profile);
        try {
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20));
            String base = "http://127.0.0.1:" + app.port();
            browser.get(base + "/etablissement");
            browser.findElement(org.openqa.selenium.By.id("uai")).sendKeys(LYCEE);
            browser.findElement(org.openqa.selenium.By.id("key")).sendKeys(key);
            browser.findElement(org.openqa.selenium.By.cssSelector("#access button"))
                    .click();
            org.openqa.selenium.WebElement first =
                    wait.until(d -> d.findElement(org.openqa.selenium.By.cssSelector("#table-formations tbody tr")));
            JsonNode top = programmes.get("programmes").get(0);
            assertTrue(first.getText().contains(top.get("step").get("id").asText()), first.getText());
            assertTrue(
                    first.getText()
                            .replaceAll("[\\u202f\\u00a0 ]", "")
                            .contains(top.get("people").asText()),
                    first.getText());
            assertTrue(browser.findElement(org.openqa.selenium.By.id("noise"))
                    .getText()
                    .contains("±"));
            first.findElement(org.openqa.selenium.By.cssSelector("button.sheet-button"))
                    .click();
            wait.until(
                    d -> d.findElement(org.openqa.selenium.By.cssSelector("#accreditation #table-devenir tbody tr")));
            var rows = browser.findElements(org.openqa.selenium.By.cssSelector("#table-devenir tbody tr"));
            assertEquals(sheet.get("outcomes").size(), rows.size(), "one line per cohort and horizon of the API");
            // The job in the target field: one line per cohort and horizon of the fit answers.
            int fitRows = 0;
            for (int months : List.of(6, 12, 24)) {
                fitRows += json(get("/api/institutions/" + LYCEE + "/steps/BAC-PRO-MCV/fit?months=" + months, key))
                        .get("cohorts")
                        .size();
            }
            assertTrue(fitRows > 0);
            var fitLines = browser.findElements(org.openqa.selenium.By.cssSelector("#table-metier-vise tbody tr"));
            assertEquals(fitRows, fitLines.size(), "one line per cohort and horizon of the fit");
            assertTrue(
                    browser.findElement(org.openqa.selenium.By.cssSelector("#h-metier-vise"))
                            .getText()
                            .contains("D1403"),
                    "the target jobs named");
            String csv = browser.findElement(org.openqa.selenium.By.cssSelector("#table-devenir a.csv"))
                    .getAttribute("href");
            String text = java.net.URLDecoder.decode(
                    csv.substring("data:text/csv;charset=utf-8,".length()).replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(rows.size() + 1, text.replace("\ufeff", "").split("\r\n").length, text);
            String method = browser.findElement(org.openqa.selenium.By.cssSelector("#accreditation .method"))
                    .getText();
            assertTrue(method.contains("±") && method.contains("InserJeunes"), method);
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(
                    Path.of("target", "screenshots", "etablissement-fiche.png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            int pages = fr.passerelle.Chromium.a4Pages(browser);
            assertTrue(pages >= 1 && pages <= 2, "the sheet prints on one or two A4 pages: " + pages);
            // The key went in headers only: no address the browser asked for, nor the page's own, holds it.
            assertFalse(browser.getCurrentUrl().contains(key), browser.getCurrentUrl());
            for (String url : fr.passerelle.Chromium.requestedUrls(browser)) {
                assertFalse(url.contains(key), url);
            }
            var severe = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    .toList();
            assertTrue(severe.isEmpty(), "console: " + severe);
            // Another establishment's key is refused in words.
            browser.executeScript("sessionStorage.clear()");
            browser.get(base + "/etablissement/" + LONE);
            browser.findElement(org.openqa.selenium.By.id("key")).sendKeys(key);
            browser.findElement(org.openqa.selenium.By.cssSelector("#access button"))
                    .click();
            wait.until(d ->
                    d.findElement(org.openqa.selenium.By.id("status")).getText().contains("ne lit pas"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void theLonePersonsEstablishmentShowsNothingToItsOwnKey() throws Exception {
        String key = keys.create("lone", ApiKeys.Role.INSTITUTION, 0, List.of(LONE), Fixtures.CLOCK);
        JsonNode programmes = json(get("/api/institutions/" + LONE + "/programmes", key));
        assertTrue(programmes.get("programmes").isEmpty(), programmes.toString());
        assertTrue(programmes.get("people").isNull(), programmes.toString());
        assertTrue(programmes.get("reasons").has("programmes"), "an empty list says why: " + programmes);
        JsonNode next = json(get("/api/institutions/" + LONE + "/steps/BAC-PRO-MCV/next", key));
        assertTrue(next.get("next").isEmpty() && next.get("peopleLeaving").isNull(), next.toString());
        JsonNode outcomes = json(get("/api/institutions/" + LONE + "/steps/BAC-PRO-MCV/outcomes", key));
        assertTrue(outcomes.get("outcomes").isEmpty(), outcomes.toString());
        JsonNode fit = json(get("/api/institutions/" + LONE + "/steps/BAC-PRO-MCV/fit", key));
        assertTrue(fit.get("cohorts").isEmpty() && fit.get("reasons").has("cohorts"), fit.toString());
    }

    @Test
    void theOpenReleaseNamesNoEstablishment() throws Exception {
        Path published = release.release().dir();
        assertTrue(Files.isDirectory(published.resolve(InstitutionTables.PART)), "the private part is in the release");
        try (Stream<Path> files = Files.list(published)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains(LYCEE), f.getFileName() + " names the establishment");
            }
        }
        // The public answers are the same whoever asks, and none carries an establishment.
        String anonymous = get("/api/steps/BAC-PRO-MCV/next", null).body();
        assertFalse(anonymous.contains(LYCEE), anonymous);
    }
}
