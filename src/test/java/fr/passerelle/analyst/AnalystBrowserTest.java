package fr.passerelle.analyst;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Chromium;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.api.ApiServer;
import fr.passerelle.graph.Database;
import fr.passerelle.publish.Publication;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What an analyst does from the URL the server prints: Neo4j Browser served by the analysts'
 * instance, log in read-only, the guide (served by Passerelle, cross-origin) opens on connect, a
 * guide query runs and shows the publication's figures. In real headless Chromium.
 */
class AnalystBrowserTest {
    static final String PASSWORD = "analyst-browser-password";
    static Javalin app;
    static AnalystNeo4j analysts;
    static ChromeDriver browser;
    static String base;
    static fr.passerelle.publish.ReleaseApi apiRelease;

    @BeforeAll
    static void start(@TempDir Path dir) {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        lines.addAll(
                people("a", 30, "education:BAC-STI2D:2016-09", "education:BTS-SIO-SLAM:2018-09", "job:M1805:2020-09"));
        lines.addAll(people("d", 25, "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        Fixtures.importer(db, 50).importFiles(List.of(Fixtures.write(dir, "browser.jsonl", lines)), false, n -> {});
        Publication publication = Fixtures.publisher(db).publish(dir.resolve("published"));
        apiRelease = fr.passerelle.publish.ReleaseApi.start(16L << 20, publication);
        Services services = Fixtures.services(apiRelease);
        app = ApiServer.create(services, new ApiServer.Options(List.of(), () -> publication), new ArrayList<>())
                .start("127.0.0.1", 0);
        base = "http://localhost:" + app.port();
        analysts = AnalystNeo4j.start(
                publication,
                new AnalystNeo4j.Settings(
                        dir.resolve("analyst"), "127.0.0.1", 0, 0, PASSWORD, 32L << 20, base + "/guide/fr.html"));
        browser = Chromium.start(dir.resolve("chromium-profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (analysts != null) {
            analysts.close();
        }
        if (apiRelease != null) {
            apiRelease.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void theGuideIsServedCrossOriginInBothLanguages() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> preflight = http.send(
                HttpRequest.newBuilder(URI.create(base + "/guide/fr.html"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://127.0.0.1:7474")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "cache-control, sentry-trace")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(preflight.statusCode() / 100 == 2, "preflight " + preflight.statusCode());
        assertEquals(
                "*",
                preflight.headers().firstValue("access-control-allow-origin").orElse(""));
        assertTrue(preflight
                .headers()
                .firstValue("access-control-allow-headers")
                .orElse("")
                .contains("sentry-trace"));
        String fr = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/guide/fr.html"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String en = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/guide/en.html"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        for (String guide : List.of(fr, en)) {
            assertEquals(2 + Guide.ANALYSES.size() + 1, guide.split("<slide", -1).length - 1, "slides");
            for (String name : Guide.ANALYSES) {
                assertTrue(guide.contains("cypher/" + name + ".cypher"), name);
            }
            assertTrue(guide.contains("k = <b>11</b>") || guide.contains("<b>k = 11</b>"), "states k");
        }
        assertTrue(fr.contains("Ce qu'est ce graphe") && en.contains("What this graph is"));
    }

    @Test
    void anAnalystLogsInReadsTheGuideAndRunsAQuery() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(analysts.browserUrl());
        // Browser renders the connection form in steps: wait until each field can take input.
        WebElement user = wait.until(d -> interactable(d.findElements(By.cssSelector("[data-testid=username]"))));
        user.sendKeys(Keys.chord(Keys.CONTROL, "a"), AnalystNeo4j.USER);
        wait.until(d -> interactable(d.findElements(By.cssSelector("[data-testid=password]"))))
                .sendKeys(PASSWORD);
        wait.until(d -> interactable(d.findElements(By.cssSelector("[data-testid=connect]"))))
                .click();
        // browser.post_connect_cmd opens the guide, fetched from Passerelle's server.
        WebElement slide =
                wait.until(d -> d.findElements(By.xpath("//*[contains(text(), \"Ce qu'est ce graphe\")]")).stream()
                        .findFirst()
                        .orElse(null));
        assertTrue(slide.isDisplayed());
        // Connected, and straight to the guide: Browser's generic start page (":play start", a movie database) is not
        // opened.
        wait.until(d -> !d.findElements(By.xpath("//*[contains(text(), 'You are connected as user')]"))
                .isEmpty());
        assertTrue(
                browser.findElements(By.xpath("//*[contains(text(), 'Try Neo4j with live data')]"))
                        .isEmpty(),
                "no start page");
        screenshot("analyst-01-guide");
        WebElement runnable = wait.until(d -> d.findElements(By.cssSelector("pre.runnable")).stream()
                .filter(e -> e.getText().startsWith("MATCH (m:Meta)"))
                .findFirst()
                .orElse(null));
        runnable.click();
        WebElement editor = wait.until(d -> d.findElements(By.cssSelector("[data-testid=activeEditor]")).stream()
                .findFirst()
                .orElse(null));
        wait.until(d -> editor.getText().contains("MATCH (m:Meta)"));
        new Actions(browser)
                .click(editor)
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.ENTER)
                .keyUp(Keys.CONTROL)
                .perform();
        String result = wait.until(d -> d.findElements(By.cssSelector("[data-testid=frameContents]")).stream()
                .map(WebElement::getText)
                .filter(t -> t.contains("m.minDenominator"))
                .findFirst()
                .orElse(null));
        assertTrue(result.contains("11") && result.contains("20"), result);
        screenshot("analyst-02-query");
        // Logged in, guide open, a query run: nobody but this machine was contacted (Browser's defaults call
        // Google fonts, Segment and Canny; the policy Passerelle sets forbids them).
        java.util.Set<String> hosts = fr.passerelle.Chromium.contactedHosts(browser);
        assertTrue(java.util.Set.of("localhost", "127.0.0.1").containsAll(hosts), "hosts contacted: " + hosts);
        assertTrue(!hosts.isEmpty());
    }

    static WebElement interactable(List<WebElement> found) {
        return found.stream()
                .filter(e -> e.isDisplayed() && e.isEnabled())
                .findFirst()
                .orElse(null);
    }

    static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
