package fr.passerelle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Chromium;
import fr.passerelle.Fixtures;
import fr.passerelle.api.ApiServer;
import fr.passerelle.publish.ReleaseApi;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The observatories' page in headless Chromium on the demo release: the key figures are the API's, every
 * table downloads as the CSV of what it shows, the map links every region, a region without figures says
 * so in words, an unknown code is explained, it prints on A4 and contacts no third party.
 */
class TerritoiresPageTest {
    static Javalin app;
    static ReleaseApi release;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static String base;

    @BeforeAll
    static void start(@TempDir Path dir) {
        browser = Chromium.start(dir.resolve("chromium-profile"));
        release = Fixtures.demoRelease();
        app = ApiServer.create(Fixtures.services(release)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.stop();
        }
    }

    static JsonNode api(String path) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    @Test
    void theKeyFiguresAndTablesAreTheApisAndEachTableDownloadsAsCsv() throws Exception {
        JsonNode summary = api("/api/regions/11");
        browser.manage().logs().get(LogType.BROWSER); // what another test left (an unknown code's 404)
        Chromium.contactedHosts(browser);
        browser.get(base + "/territoires/11");
        WebElement retention = wait.until(d -> d.findElement(By.cssSelector("#fig-retention .value")));
        assertEquals("Île-de-France", browser.findElement(By.id("region-name")).getText());
        JsonNode out = summary.get("firstJobsTrainedHere");
        assertEquals(
                Math.round(out.get("sameRegion").get("share").get("value").asDouble() * 100) + " %",
                retention.getText());
        String people =
                browser.findElement(By.cssSelector("#fig-retention .people")).getText();
        assertTrue(
                people.replace("\u202f", "")
                        .replace("\u00a0", "")
                        .contains(out.get("people").asText()),
                people);
        assertTrue(browser.findElement(By.cssSelector("#fig-retention .query a"))
                .getAttribute("href")
                .endsWith("/api/regions/11/flows"));
        assertTrue(browser.findElement(By.id("noise")).getText().contains("±"));
        assertTrue(browser.findElement(By.id("synthetic")).isDisplayed(), "the demo's people are invented: said so");

        // Every table with rows has its CSV: the header and one line per row shown.
        List<WebElement> sections = browser.findElements(By.cssSelector("section.table[id^=table-]"));
        assertTrue(sections.size() >= 7, "tables: " + sections.size());
        int withCsv = 0;
        for (WebElement section : sections) {
            List<WebElement> csv = section.findElements(By.cssSelector("a.csv"));
            int rows = section.findElements(By.cssSelector("tbody tr")).size();
            if (rows == 0) {
                assertTrue(
                        section.findElement(By.cssSelector(".empty")).getText().length() > 20,
                        "an empty table says why: " + section.getAttribute("id"));
                continue;
            }
            withCsv++;
            String href = csv.get(0).getAttribute("href");
            String prefix = "data:text/csv;charset=utf-8,";
            assertTrue(href.startsWith(prefix), href);
            String text = java.net.URLDecoder.decode(
                    href.substring(prefix.length()).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            String[] lines = text.replace("\ufeff", "").split("\r\n");
            assertEquals(rows + 1, lines.length, section.getAttribute("id") + ": " + text);
            assertTrue(csv.get(0).getAttribute("download").startsWith("passerelle-11-"));
        }
        assertTrue(withCsv >= 4, "tables with rows on the demo: " + withCsv);
        // The first programme's line is the API's: its code and its people.
        WebElement first = browser.findElement(By.cssSelector("#table-formations tbody tr"));
        JsonNode programme = summary.get("programmes").get(0);
        assertTrue(first.getText().contains(programme.get("step").get("id").asText()), first.getText());
        assertTrue(digits(first.getText()).endsWith(programme.get("people").asText()), first.getText());

        Files.createDirectories(Path.of("target", "screenshots"));
        browser.executeScript("window.scrollTo(0, 0)");
        Files.write(
                Path.of("target", "screenshots", "territoires-11.png"),
                browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        // Another level's flows are read on demand.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level-pick"))).selectByValue("5");
        wait.until(d ->
                d.findElement(By.cssSelector("#table-departs h2")).getText().contains("bac + 2"));
        assertTrue(
                browser.findElement(By.cssSelector("#table-departs")).getText().contains("personnes"));

        // The map: one link per region, this one marked; hovering text gives the region's figure.
        List<WebElement> tiles = browser.findElements(By.cssSelector("#map a[data-region]"));
        assertEquals(api("/api/regions").get("regions").size(), tiles.size());
        assertEquals("11", browser.findElement(By.cssSelector("#map a.current")).getAttribute("data-region"));

        // Printed on A4 portrait: a few pages at most, and the tools are not printed.
        org.openqa.selenium.print.PrintOptions a4 = new org.openqa.selenium.print.PrintOptions();
        a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        byte[] pdf = java.util.Base64.getDecoder().decode(browser.print(a4).getContent());
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "territoires-11.pdf"), pdf);
        int pages = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).split("/Type\\s*/Page[^s]", -1).length
                - 1;
        assertTrue(pages >= 1 && pages <= 4, "pages: " + pages);

        assertEquals(java.util.Set.of("127.0.0.1"), Chromium.contactedHosts(browser));
        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertTrue(severe.isEmpty(), "console: " + severe);
    }

    @Test
    void aJobInTensionInTheRegionComesWithItsFeedersAndTheirMix() throws Exception {
        // The test's market files put M1805's job family in tension (category 4) in Provence-Alpes-Côte d'Azur only.
        JsonNode paca = api("/api/regions/93");
        JsonNode job = paca.get("jobsInTension").get(0);
        assertEquals(
                "M1805",
                job.get("job").get("id").asText(),
                paca.get("jobsInTension").toString());
        assertEquals(4, job.get("tensionCategory").asInt());
        assertTrue(job.get("peopleInRegion").asLong() >= 11);
        long listed = 0;
        for (JsonNode f : job.get("from")) {
            assertTrue(f.get("people").asLong() >= 11, f.toString());
            listed += f.get("people").asLong();
        }
        long byKind = 0;
        for (JsonNode n : job.get("byKind")) {
            byKind += n.asLong();
        }
        assertEquals(listed, byKind, "the mix adds up the listed steps, no more");
        // Elsewhere the job has no regional note: no region but 93 lists it.
        assertTrue(api("/api/regions/11").get("jobsInTension").isEmpty());
        browser.get(base + "/territoires/93");
        wait.until(d -> d.findElement(By.cssSelector("#table-tension tbody tr"))
                .getText()
                .contains("personnes"));
    }

    @Test
    void aRegionWithoutFiguresSaysSoAndAnUnknownCodeIsExplained() throws Exception {
        // A region and a level of the demo with too few people (found through the API, as an app would).
        String thin = null;
        String level = null;
        for (JsonNode r : api("/api/regions").get("regions")) {
            for (String l : List.of("8", "7", "3")) {
                if (thin == null
                        && api("/api/regions/" + r.get("code").asText() + "/flows?level=" + l)
                                .get("trainedHere")
                                .isNull()) {
                    thin = r.get("code").asText();
                    level = l;
                }
            }
        }
        assertTrue(thin != null, "the demo has a region and level with too few people");
        browser.get(base + "/territoires/" + thin);
        wait.until(d -> d.findElement(By.cssSelector("#fig-retention .value")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level-pick"))).selectByValue(level);
        String text = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#table-departs .empty")).stream()
                        .map(WebElement::getText)
                        .filter(t -> t.startsWith("Pas assez"))
                        .findFirst()
                        .orElse(null));
        assertTrue(text.startsWith("Pas assez de personnes") && text.contains("moins de 11"), text);
        browser.get(base + "/territoires/atlantis");
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Région inconnue"));
        // The trainers' page leads here, and this page leads back.
        browser.get(base + "/");
        WebElement link = wait.until(d -> d.findElement(By.id("territories-link")));
        assertTrue(link.getAttribute("href").endsWith("/territoires"), link.getAttribute("href"));
        link.click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Choisissez une région"));
        assertTrue(browser.findElement(By.cssSelector("header a[href='/']")).isDisplayed());
        assertTrue(browser.findElements(By.cssSelector("#map a[data-region]")).size() >= 13);
    }
}
