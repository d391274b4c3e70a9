package fr.passerelle.web;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Chromium;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.api.ApiServer;
import fr.passerelle.graph.Database;
import io.javalin.Javalin;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Canopé page in real headless Chromium against the real server and Neo4j, on a population
 * whose answers are known: search, where next (one and two steps), a route, bridges, outcomes,
 * trainer mode, language, export, keyboard, no console error. Screenshots go to
 * {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CanopePageTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static Javalin app;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static String base;
    static fr.passerelle.publish.ReleaseApi release;
    /** The population's released paths as the release fits them. */
    static fr.passerelle.ReleasedPaths paths;

    static final List<String> A = Fixtures.ids("a", 20);
    static final List<String> B = Fixtures.ids("b", 10);
    static final List<String> C = Fixtures.ids("c", 12);
    static final List<String> D = Fixtures.ids("d", 4);

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        browser = Chromium.start(dir.resolve("chromium-profile"));
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        lines.addAll(people(
                "a",
                20,
                "education:BAC-STI2D:2016-09",
                "education:BTS-SIO-SLAM:2018-09",
                "job:M1805:2020-09",
                "job:M1806:2023-09"));
        lines.addAll(
                people("b", 10, "education:BAC-STI2D:2016-09", "education:BTS-SIO-SLAM:2018-09", "job:M1805:2020-09"));
        lines.addAll(people(
                "c", 12, "education:BAC-STMG:2016-09", "education:BTS-SIO-SLAM:2018-09", "education:LIC-INFO:2020-09"));
        lines.addAll(people("d", 4, "education:BTS-SIO-SLAM:2018-09", "job:M1802:2020-10"));
        lines.addAll(people("e", 22, "job:D1301:2017-09", "education:TP-FORMATEUR:2021-01", "job:K2111:2021-09"));
        // 22 BTS CG leavers in accounting (M1203, its Certif Info target job), 11 in further study.
        for (int i = 0; i < 33; i++) {
            String next = i < 22
                    ? "{\"kind\":\"job\",\"code\":\"M1203\",\"start\":\"2020-09\"}"
                    : "{\"kind\":\"education\",\"code\":\"LIC-INFO\",\"start\":\"2020-09\"}";
            lines.add(
                    "{\"source\":\"test\",\"id\":\"o" + i + "\",\"steps\":[{\"kind\":\"education\",\"code\":\"BTS-CG\","
                            + "\"start\":\"2018-09\",\"end\":\"2020-06\"}," + next + "]}");
        }
        Fixtures.importer(db, 50).importFiles(List.of(Fixtures.write(dir, "page.jsonl", lines)), false, n -> {});
        paths = new fr.passerelle.ReleasedPaths(lines);
        release = Fixtures.release(db, dir);
        app = ApiServer.create(Fixtures.services(release)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();

        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.stop();
        }
        if (release != null) {
            release.close();
        }
    }

    static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static WebElement waitFor(String css) {
        wait.withMessage(() -> css + " never showed; page says: " + pageState());
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    static String pageState() {
        return browser.findElements(By.cssSelector("#figure-title, #figure-summary, #figure-notes, #status")).stream()
                .map(WebElement::getText)
                .collect(Collectors.joining(" | "));
    }

    static String waitForText(String css, String expected) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            String text = found.isEmpty() ? "" : found.get(0).getText();
            return text.contains(expected) ? text : null;
        });
    }

    static List<String> severeConsoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    static JsonNode api(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    /** The caption of a node of the flow diagram, its wrapped lines joined again. */
    static String flowText(String nodeId) {
        return browser.findElements(By.cssSelector("#chart g.node[data-id='" + nodeId + "'] text tspan")).stream()
                .map(e -> e.getAttribute("textContent"))
                .collect(Collectors.joining(" "));
    }

    @Test
    @Order(1)
    void searchWithoutAccentsAndShowWhereNext() throws Exception {
        browser.get(base + "/");
        assertEquals(
                "Passerelle : où sont allées des personnes réelles",
                waitFor("h1").getText());
        assertFalse(
                browser.findElement(By.id("synthetic")).isDisplayed(),
                "people of a real source: no demonstration banner");
        WebElement search = waitFor("#step-search");
        search.sendKeys("bts sio");
        WebElement option = waitFor("#step-options li[data-id='BTS-SIO-SLAM']");
        long sio = paths.people(List.of("BTS-SIO-SLAM"));
        long sioLeaving = paths.leaving(List.of("BTS-SIO-SLAM"));
        assertTrue(option.getText().contains("n = " + sio), option.getText());
        // Keyboard only: the first suggestion is highlighted, Enter picks it.
        search.sendKeys(Keys.ENTER);
        waitFor("#chart g.node[data-id='1:M1805']");
        long m1805 = paths.people(List.of("BTS-SIO-SLAM", "M1805"));
        assertEquals("Études et développement informatique n = " + m1805, flowText("1:M1805"));
        Long licInfo = paths.people(List.of("BTS-SIO-SLAM", "LIC-INFO"));
        long rest = sioLeaving - m1805 - (licInfo == null ? 0 : licInfo);
        if (rest >= 11) {
            assertEquals("Autres destinations n = " + rest, flowText("1:hidden"));
        }
        assertEquals(
                licInfo == null,
                browser.findElements(By.cssSelector("#chart g.node[data-id='1:LIC-INFO']"))
                        .isEmpty());
        assertTrue(
                browser.findElements(By.cssSelector("#chart g.node[data-id='1:M1802']"))
                        .isEmpty(),
                "4 people never show");
        String table = browser.findElement(By.id("figure-table")).getText();
        java.text.DecimalFormat oneDecimal =
                new java.text.DecimalFormat("0.#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.FRANCE));
        oneDecimal.setRoundingMode(java.math.RoundingMode.HALF_UP);
        String percent = oneDecimal.format(100
                * fr.passerelle.privacy.Share.of(Math.min(m1805, sioLeaving), sioLeaving)
                        .value());
        assertTrue(table.contains("Études et développement informatique " + m1805 + " " + percent + " %"), table);
        assertTrue(browser.findElement(By.id("figure-summary")).getText().startsWith(sioLeaving + " personnes"));
        assertTrue(
                browser.findElement(By.id("figure-notes")).getText().contains("arrondis aléatoirement"),
                "the noise is explained");
        assertTrue(
                browser.findElement(By.cssSelector("#figure-notes a.noise-note"))
                        .getAttribute("href")
                        .endsWith("/vie-privee?lang=fr#publication"),
                "and linked to the notice");
        assertTrue(browser.findElement(By.id("evidence")).getText().contains("k = 11"));
        // The step's openness, in words, from its own answer.
        String reading =
                api("/api/steps/BTS-SIO-SLAM").get("openness").get("reading").asText();
        waitForText("#figure-notes", "indice d’ouverture");
        assertTrue(
                browser.findElement(By.id("figure-notes"))
                        .getText()
                        .contains(java.util.Map.of(
                                        "opens", "ouvre beaucoup",
                                        "some", "ouvre quelques",
                                        "channels", "mène surtout")
                                .get(reading)),
                reading);
        assertTrue(browser.getCurrentUrl().contains("step=BTS-SIO-SLAM"), browser.getCurrentUrl());
        assertNoSmallCountOnPage();
        screenshot("01-where-next");
    }

    @Test
    @Order(2)
    void secondStepIsConditionedOnThePath() throws Exception {
        new Select(browser.findElement(By.id("depth"))).selectByValue("2");
        waitFor("#chart g.node[data-id='2:M1806']");
        assertEquals(
                "Conseil et maîtrise d'ouvrage en systèmes d'information n = "
                        + paths.people(List.of("BTS-SIO-SLAM", "M1805", "M1806")),
                flowText("2:M1806"));
        // Every node of the middle column accounts for all its people: shown destinations, the grouped small
        // ones, those who stop there (10 here, drawn without a number when their count is below k).
        List<WebElement> middle = browser.findElements(By.cssSelector("#chart g.node[data-id^='1:']"));
        assertFalse(middle.isEmpty());
        for (WebElement node : middle) {
            if (!node.getAttribute("data-out").equals("0")) {
                assertEquals(node.getAttribute("data-in"), node.getAttribute("data-out"), node.getAttribute("data-id"));
            }
        }
        assertFalse(
                browser.findElements(By.cssSelector(
                                "#chart g.node[data-id='2:rest:M1805'], #chart g.node[data-id='2:stop:M1805']"))
                        .isEmpty(),
                "the 10 who stop after M1805 are drawn");
        assertTrue(browser.findElement(By.id("figure-table")).getText().contains("moins de 11")
                || browser.findElement(By.id("figure-table")).getText().contains("Pas d'étape suivante observée"));
        assertTrue(browser.getCurrentUrl().contains("depth=2"));
        assertTrue(
                browser.findElement(By.id("evidence")).getText().contains("cypher/queries/next-after.cypher"),
                "the evidence names the second step's query too");
        assertNoSmallCountOnPage();
        screenshot("02-where-next-two-steps");
    }

    @Test
    @Order(3)
    void peopleLikeYouConditionOnThePreviousStep() throws Exception {
        new Select(browser.findElement(By.id("depth"))).selectByValue("1");
        WebElement after = waitFor("#after-search");
        after.sendKeys("sti2d");
        waitFor("#after-options li[data-id='BAC-STI2D']").click();
        long likeYou = paths.leaving(List.of("BAC-STI2D", "BTS-SIO-SLAM"));
        String summary = waitForText("#figure-summary", likeYou + " personnes");
        assertTrue(summary.startsWith(likeYou + " personnes"), summary);
        assertTrue(browser.findElement(By.id("figure-notes")).getText().contains("Baccalauréat technologique STI2D"));
        assertTrue(browser.getCurrentUrl().contains("after=BAC-STI2D"));
        screenshot("03-people-like-you");
    }

    @Test
    @Order(14)
    void sinceAsksWhereThoseWhoStayedThatLongWent() throws Exception {
        // The 22 of group e spent 40 months (3 to 5 years) as D1301 before TP-FORMATEUR.
        List<String> e = Fixtures.ids("e", 22);
        browser.get(base + "/?view=next&step=D1301");
        waitFor("#chart g.node[data-id='1:TP-FORMATEUR']");
        new Select(browser.findElement(By.id("since"))).selectByValue("36");
        Long leaving = Fixtures.released(fr.passerelle.publish.CellName.sliceLeaving("since", "36-59", "D1301"), e);
        Long people = Fixtures.released(fr.passerelle.publish.CellName.slice("since", "36-59", "D1301"), e);
        // As released: never below the bin's one released destination (all 22 went to TP-FORMATEUR).
        long bin = Math.max(
                Math.min(leaving, people),
                Fixtures.released(
                        fr.passerelle.publish.CellName.sliceNext("since", "36-59", "D1301", "TP-FORMATEUR"), e));
        waitForText("#figure-notes", "3 à 5 ans");
        assertTrue(
                browser.findElement(By.id("figure-summary")).getText().startsWith(bin + " personnes"),
                browser.findElement(By.id("figure-summary")).getText());
        assertTrue(
                flowText("1:TP-FORMATEUR")
                        .endsWith("n = "
                                + Fixtures.released(
                                        fr.passerelle.publish.CellName.sliceNext(
                                                "since", "36-59", "D1301", "TP-FORMATEUR"),
                                        e)),
                flowText("1:TP-FORMATEUR"));
        assertTrue(browser.findElement(By.id("evidence")).getText().contains("cypher/queries/next-by-since.cypher"));
        assertTrue(browser.getCurrentUrl().contains("since=36"), browser.getCurrentUrl());
        // Nobody left D1301 within 6 months: the page says the figures are everyone's.
        new Select(browser.findElement(By.id("since"))).selectByValue("0");
        String notes = waitForText("#figure-notes", "Trop peu de personnes sont parties");
        assertTrue(notes.contains("toutes les personnes qui l'ont quittée"), notes);
        assertEquals(
                paths.leaving(List.of("D1301")) + " personnes",
                browser.findElement(By.id("figure-summary")).getText().replaceAll(" personnes.*", " personnes"));
        assertNoSmallCountOnPage();
        assertTrue(severeConsoleMessages().isEmpty(), severeConsoleMessages().toString());
        screenshot("14-since");
    }

    @Test
    @Order(4)
    void followARoute() throws Exception {
        browser.get(base + "/?view=next&step=BAC-STI2D");
        waitFor("#chart");
        browser.findElement(By.cssSelector("[role=tab][data-view=routes]")).click();
        WebElement to = waitFor("#to-search");
        to.sendKeys("etudes et developpement");
        waitFor("#to-options li[data-id='M1805']").click();
        long route = paths.people(List.of("BAC-STI2D", "BTS-SIO-SLAM", "M1805"));
        String caption = waitForText("#chart g.route.observed text", "n = " + route);
        assertEquals("n = " + route + " personnes · durée médiane 4 ans", caption);
        List<String> steps = browser
                .findElements(By.cssSelector("#chart g.route.observed"))
                .get(0)
                .findElements(By.cssSelector("text.route-step"))
                .stream()
                .map(e -> e.getAttribute("data-id"))
                .toList();
        assertEquals(List.of("BAC-STI2D", "BTS-SIO-SLAM", "M1805"), steps);
        assertTrue(browser.getCurrentUrl().contains("view=routes")
                && browser.getCurrentUrl().contains("to=M1805"));
        screenshot("04-route");
    }

    @Test
    @Order(5)
    void switchLanguageKeepsTheFigure() throws Exception {
        browser.findElement(By.id("lang-en")).click();
        assertEquals("Passerelle: where real people went", waitForText("h1", "where real people went"));
        assertEquals(
                "From A to B",
                browser.findElement(By.cssSelector("[role=tab][data-view=routes]"))
                        .getText());
        assertEquals(
                "n = " + paths.people(List.of("BAC-STI2D", "BTS-SIO-SLAM", "M1805")) + " people · median time 4 years",
                waitForText("#chart g.route.observed text", "people"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.getCurrentUrl().contains("lang=en"));
        screenshot("05-route-english");
        browser.findElement(By.id("lang-fr")).click();
        waitForText("h1", "personnes réelles");
    }

    @Test
    @Order(6)
    void bridgesAndOutcomesShowTheApiFigures() throws Exception {
        browser.get(base + "/?view=bridges&step=D1301&toDomain=K");
        waitFor("#chart g.bar[data-id='TP-FORMATEUR']");
        assertTrue(browser.findElement(By.id("figure-table"))
                .getText()
                .contains(Long.toString(paths.people(List.of("D1301", "TP-FORMATEUR")))));
        screenshot("06-bridges");

        browser.get(base + "/?view=outcomes&step=BTS-CG");
        waitFor("#chart g.stack");
        assertEquals(3, browser.findElements(By.cssSelector("#chart g.stack")).size());
        JsonNode outcomes = api("/api/steps/BTS-CG/outcomes?months=6,12,24");
        String table = browser.findElement(By.id("figure-table")).getText();
        int shown = 0;
        for (JsonNode horizon : outcomes.get("outcomes")) {
            for (JsonNode situation : horizon.get("situations")) {
                assertTrue(
                        table.contains(situation.get("label").asText() + " "
                                + situation.get("people").asInt()),
                        table);
                shown++;
            }
        }
        assertTrue(shown > 0, "the population has outcomes to show");
        assertEquals(
                shown + hiddenRows(outcomes),
                browser.findElements(By.cssSelector("#figure-table tbody tr")).size());
        screenshot("07-outcomes");
    }

    @Test
    @Order(6)
    void veriteDesPrixSetsThePromiseAgainstWhatBecameOfThePeople() throws Exception {
        browser.get(base + "/?view=fit&step=BTS-CG");
        waitFor("#chart g.stack[data-months='12']");
        JsonNode fit = api("/api/steps/BTS-CG/fit?months=12");
        assertTrue(fit.get("fitRate").isObject(), fit.toString());
        String rate = new java.text.DecimalFormat(
                        "0.#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.FRENCH))
                .format(fit.get("fitRate").get("value").asDouble() * 100);
        String summary = browser.findElement(By.id("figure-summary")).getText();
        assertTrue(summary.contains("12 mois après la fin, " + rate + " %"), summary + " / " + rate);
        String notes = browser.findElement(By.id("figure-notes")).getText();
        assertTrue(notes.contains("Comptabilité (M1203)") && notes.contains("Certif Info 83602"), notes);
        String table = browser.findElement(By.id("figure-table")).getText();
        for (JsonNode x : fit.get("situations")) {
            assertTrue(table.contains(x.get("people").asText()), x + " in " + table);
        }
        assertTrue(
                table.contains("Métier visé "
                        + fit.get("situations").get(0).get("people").asInt()),
                table);
        // The flows at 12 months: one node per released situation, the target jobs held marked.
        for (JsonNode x : fit.get("situations")) {
            assertEquals(
                    1,
                    browser.findElements(By.cssSelector("#chart-flow g.node[data-id='1:"
                                    + x.get("situation").asText() + "']"))
                            .size(),
                    x.toString());
        }
        JsonNode held = api("/api/steps/BTS-CG/fit/jobs?months=12").get("targetsObserved");
        assertEquals(
                held.size(),
                browser.findElements(By.cssSelector("#chart-flow g.node[data-kind='target']"))
                        .size());
        if (held.size() > 0) {
            assertTrue(browser.findElement(By.cssSelector("#chart-flow g.node[data-kind='target'] text"))
                    .getText()
                    .startsWith("★"));
        }
        // Beside its family and its level, and by exit cohort: one bar each, with the API's people.
        JsonNode bench = api("/api/steps/BTS-CG/benchmark?months=12");
        assertTrue(bench.get("families").size() > 0, bench.toString());
        assertEquals(
                1 + bench.get("families").size(),
                browser.findElements(
                                By.cssSelector("#chart g.stack[data-kind='step'], #chart g.stack[data-kind='field'],"
                                        + " #chart g.stack[data-kind='domain'], #chart g.stack[data-kind='level']"))
                        .size());
        JsonNode level = bench.get("families").get(bench.get("families").size() - 1);
        assertTrue(
                table.contains(level.get("label").asText() + " · En emploi "
                        + level.get("job").get("people").asText()),
                table);
        JsonNode cohorts = api("/api/steps/BTS-CG/outcomes?months=12&by=cohort").get("cohorts");
        assertEquals(
                cohorts.size(),
                browser.findElements(By.cssSelector("#chart g.stack[data-kind='cohort']"))
                        .size());
        if (bench.get("position").get("quadrant").isTextual()) {
            assertTrue(notes.contains(bench.get("position").get("quadrant").asText()), notes);
        }
        screenshot("07b-fit");

        // A general baccalauréat promises no job: the view says so rather than drawing an empty figure.
        browser.get(base + "/?view=fit&step=BAC-G-MATHS-PC");
        assertTrue(
                waitForText("#figure-summary", "ne vise pas de métier précis").contains("Devenir des diplômés"));
    }

    private static int hiddenRows(JsonNode outcomes) {
        int rows = 0;
        for (JsonNode horizon : outcomes.get("outcomes")) {
            if (!horizon.get("hiddenPeople").isNull()) {
                rows++;
            }
        }
        return rows;
    }

    @Test
    @Order(7)
    void trainerModeScenarioAndExport() throws Exception {
        browser.get(base + "/");
        waitFor("#scenario");
        new Select(browser.findElement(By.id("scenario"))).selectByIndex(1);
        waitFor("#chart g.node[data-id='1:M1805']");
        assertTrue(browser.getCurrentUrl().contains("step=BTS-SIO-SLAM")
                && browser.getCurrentUrl().contains("depth=2"));
        browser.findElement(By.id("trainer")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("trainer"));
        waitFor("#chart g.node[data-id='2:M1806']");
        assertEquals("20", browser.findElement(By.id("chart")).getAttribute("font-size"));
        assertTrue(browser.getCurrentUrl().contains("trainer=1"));
        screenshot("08-trainer-mode");

        JavascriptExecutor js = browser;
        String svg = (String) js.executeScript("return Charts.toSvgText(document.getElementById('chart'))");
        assertTrue(
                svg.startsWith("<?xml")
                        && svg.contains("<svg")
                        && svg.contains("n = " + paths.people(List.of("BTS-SIO-SLAM", "M1805"))),
                svg.substring(0, 200));
        Long pngBytes = (Long) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "Charts.toPng(document.getElementById('chart'), 2).then(b => done(b.size), e => done(-1));");
        assertTrue(pngBytes > 1000, "PNG export gave " + pngBytes + " bytes");
        browser.findElement(By.id("export-svg")).click();
        waitForText("#status", "passerelle-BTS-SIO-SLAM-next.svg");

        // A bookmarked URL restores the same figure.
        browser.get(browser.getCurrentUrl());
        waitFor("#chart g.node[data-id='2:M1806']");
        assertTrue(browser.findElement(By.tagName("body")).getAttribute("class").contains("trainer"));
    }

    @Test
    @Order(8)
    void noConsoleErrors() {
        List<String> messages = severeConsoleMessages();
        assertTrue(messages.isEmpty(), "console: " + messages);
    }

    @Test
    @Order(13)
    void partnersShowTheShortNoticeOnTheirOwnPages() throws Exception {
        // A partner's site on another origin pastes the snippet and frames the embeddable page.
        String snippet = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/vie-privee/encart.html"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertFalse(snippet.contains("<script"), "a snippet without script");
        com.sun.net.httpserver.HttpServer partner =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page =
                ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Appli partenaire</title></head><body>"
                                + "<h1>Une appli d'orientation</h1><div id=\"pasted\">" + snippet + "</div>"
                                + "<iframe id=\"framed\" src=\"" + base
                                + "/vie-privee/encart\" width=\"600\" height=\"200\"></iframe></body></html>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        partner.createContext("/", x -> {
            x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, page.length);
            x.getResponseBody().write(page);
            x.close();
        });
        partner.start();
        try {
            browser.get("http://localhost:" + partner.getAddress().getPort() + "/");
            WebElement pasted = waitFor("#pasted a[href$='/vie-privee']");
            assertTrue(pasted.getAttribute("href").startsWith(base), pasted.getAttribute("href"));
            browser.switchTo().frame(browser.findElement(By.id("framed")));
            WebElement framed = waitFor("a[href$='/vie-privee/opposition']");
            assertTrue(
                    framed.getAttribute("href").startsWith(base),
                    "framed from another origin: " + framed.getAttribute("href"));
            framed.click();
            browser.switchTo().defaultContent();
            waitFor("form#oppose input#url");
            assertTrue(browser.getCurrentUrl().startsWith(base + "/vie-privee/opposition"), browser.getCurrentUrl());
            screenshot("11-opposition");
        } finally {
            partner.stop(0);
        }
    }

    @Test
    @Order(12)
    void figuresFillTheWidthFromALaptopToAProjectorAndLabelsAreNeverCut() throws Exception {
        for (int[] size : new int[][] {{1024, 768}, {1280, 720}, {1920, 1080}}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
            for (String url : List.of(
                    "/?view=next&step=BTS-SIO-SLAM&depth=2",
                    "/?view=routes&step=BAC-STI2D&to=M1805",
                    "/?view=outcomes&step=BTS-CG")) {
                browser.get(base + url);
                WebElement chart = waitFor("#chart");
                long box = (Long) browser.executeScript("return document.getElementById('chart-box').clientWidth");
                long drawn = Long.parseLong(chart.getAttribute("width"));
                assertTrue(drawn >= box * 0.95, size[0] + "px " + url + ": figure " + drawn + " of " + box);
                assertFalse(chart.getText().contains("…"), size[0] + "px " + url + ": a cut label");
            }
            screenshot("10-width-" + size[0]);
        }
        browser.get(base + "/?view=routes&step=BAC-STI2D&to=M1805");
        WebElement to = waitFor("#to-search");
        wait.until(d -> !to.getAttribute("value").isEmpty());
        assertTrue(
                (Boolean) browser.executeScript("const e = arguments[0]; return e.scrollWidth <= e.clientWidth;", to),
                "the destination's label fits its field: " + to.getAttribute("value"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1100));
    }

    @Test
    @Order(11)
    void eachScenarioPrintsAsOneA4SessionSheet() throws Exception {
        org.openqa.selenium.print.PrintOptions a4 = new org.openqa.selenium.print.PrintOptions();
        a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        a4.setBackground(true);
        browser.get(base + "/");
        waitFor("#scenario");
        int scenarios =
                new Select(browser.findElement(By.id("scenario"))).getOptions().size() - 1;
        assertTrue(scenarios >= 5, "scenarios: " + scenarios);
        for (int i = 1; i <= scenarios; i++) {
            browser.get(base + "/");
            waitFor("#scenario");
            new Select(browser.findElement(By.id("scenario"))).selectByIndex(i);
            wait.until(d ->
                    !d.findElement(By.id("figure")).getAttribute("aria-busy").equals("true")
                            && !d.findElement(By.id("sheet-question"))
                                    .getAttribute("textContent")
                                    .isEmpty());
            assertEquals(3, browser.findElements(By.cssSelector("#prompts li")).size(), "three prompts for the room");
            byte[] pdf = java.util.Base64.getDecoder().decode(browser.print(a4).getContent());
            Files.write(SCREENSHOTS.resolve("sheet-" + i + ".pdf"), pdf);
            String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
            int pages = text.split("/Type\\s*/Page[^s]", -1).length - 1;
            assertEquals(1, pages, "scenario " + i + " prints on one page");
        }
    }

    @Test
    @Order(10)
    void thePageAndTheApiDocsContactNoThirdParty() throws Exception {
        // Every request of the whole session (all the views above), then the API's interactive docs.
        browser.get(base + "/api/docs");
        waitFor(".swagger-ui .opblock");
        java.util.Set<String> hosts = fr.passerelle.Chromium.contactedHosts(browser);
        assertEquals(java.util.Set.of("127.0.0.1"), hosts, "hosts contacted");
        List<String> refused = severeConsoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
        assertTrue(refused.isEmpty(), "the docs page runs under the Content-Security-Policy: " + refused);
        screenshot("09-api-docs");
    }

    @Test
    @Order(9)
    void anUnknownStepIsExplained() throws Exception {
        browser.get(base + "/?view=next&step=NOPE");
        assertTrue(waitForText("#status", "NOPE").contains("Étape inconnue"));
        assertFalse(browser.findElement(By.id("chart-box")).getText().contains("n ="));
        // A near miss offers the close matches the API returned, as links that open the step.
        browser.get(base + "/?view=next&step=BTS-SIO");
        waitFor("#status a.close-match[data-id='BTS-SIO-SLAM']").click();
        waitFor("#chart g.node[data-id='1:M1805']");
        assertTrue(browser.getCurrentUrl().contains("step=BTS-SIO-SLAM"), browser.getCurrentUrl());
        // An empty list says why: the 20 people of M1806 went nowhere else (or fewer than k did).
        browser.get(base + "/?view=next&step=M1806");
        assertTrue(waitForText("#figure-notes", "Aucune destination").contains("au moins 11 personnes"));
        // What people type: a mistyped job title is corrected, and the list says for what it shows results.
        browser.get(base + "/");
        WebElement search = waitFor("#step-search");
        search.sendKeys("infirmeire");
        waitFor("#step-options li[data-id='J1506']");
        assertEquals(
                "Résultats pour « infirmier »",
                waitFor("#step-options li.corrected").getText());
        search.sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("step="));
        assertTrue(
                browser.getCurrentUrl().contains("step=J1506")
                        || browser.getCurrentUrl().contains("step=DE-INFIRMIER"),
                browser.getCurrentUrl());
    }

    /** Every "n = X" on the page is at least k: the page never recombines counts into smaller ones. */
    private static void assertNoSmallCountOnPage() {
        String text = browser.findElement(By.tagName("body")).getText() + " "
                + browser.findElements(By.cssSelector("#chart title")).stream()
                        .map(e -> e.getAttribute("textContent"))
                        .collect(Collectors.joining(" "));
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("n = (\\d+)").matcher(text);
        int seen = 0;
        while (m.find()) {
            assertTrue(Integer.parseInt(m.group(1)) >= 11, "count below k on the page: " + m.group());
            seen++;
        }
        assertTrue(seen > 0);
    }

    /** A release of the demo's invented people says so on the page, above every view and on the printed sheet. */
    @Test
    @Order(99)
    void aReleaseOfDemoPeopleShowsTheSyntheticBanner(@TempDir Path dir) throws Exception {
        Database db = TestNeo4j.reset();
        List<fr.passerelle.ingest.RawTrajectory> demo = new ArrayList<>();
        new fr.passerelle.demo.DemoGenerator(fr.passerelle.catalog.Catalogue.bundled())
                .generate(300, 3)
                .forEach(demo::add);
        Fixtures.importer(db, 300).importRecords(demo, n -> {});
        fr.passerelle.publish.ReleaseApi synthetic = Fixtures.release(db, dir);
        Javalin demoApp = ApiServer.create(Fixtures.services(synthetic)).start("127.0.0.1", 0);
        try {
            browser.get("http://127.0.0.1:" + demoApp.port() + "/");
            WebElement banner = waitFor("#synthetic");
            assertTrue(banner.getText().startsWith("Données de démonstration (synthétiques)"), banner.getText());
            browser.findElement(By.id("lang-en")).click();
            wait.until(d -> banner.getText().startsWith("Demonstration data (synthetic)"));
            screenshot("synthetic-banner");
        } finally {
            demoApp.stop();
            synthetic.close();
        }
    }
}
