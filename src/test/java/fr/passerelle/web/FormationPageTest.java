package fr.passerelle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Chromium;
import fr.passerelle.Fixtures;
import fr.passerelle.api.ApiServer;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The trainers' session plans on the demo release, in Chromium: three plans of two hours, each with its objectives,
 * timing, views to show, questions and take-aways; every view a plan links to opens on figures (a table with rows),
 * and the plans print one per A4 page.
 */
class FormationPageTest {
    static final List<String> SECTIONS =
            List.of("Objectifs", "Déroulé (2 h)", "À montrer", "Questions pour la salle", "À retenir");

    @Test
    void threePlansEachOpeningViewsThatShowFigures(@TempDir Path profile) throws Exception {
        Javalin app =
                ApiServer.create(Fixtures.services(Fixtures.demoRelease())).start("127.0.0.1", 0);
        ChromeDriver browser = Chromium.start(profile);
        try {
            String base = "http://127.0.0.1:" + app.port();
            browser.get(base + "/formation");
            List<WebElement> plans = browser.findElements(By.cssSelector("article.plan"));
            assertEquals(3, plans.size());
            List<String> links = new java.util.ArrayList<>();
            for (WebElement plan : plans) {
                List<String> titles = plan.findElements(By.tagName("h3")).stream()
                        .map(WebElement::getText)
                        .toList();
                assertEquals(SECTIONS, titles, plan.getAttribute("id"));
                List<WebElement> rows = plan.findElements(By.cssSelector("table.timing tr"));
                assertTrue(rows.get(0).getText().startsWith("0-"), plan.getAttribute("id"));
                assertTrue(
                        rows.get(rows.size() - 1).getText().contains("-120 min"),
                        "two hours: " + plan.getAttribute("id"));
                plan.findElements(By.cssSelector("a.show")).forEach(a -> links.add(a.getAttribute("href")));
            }
            assertTrue(links.size() >= 9, links.toString());
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(
                    Path.of("target", "screenshots", "formation.png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            int pages = Chromium.a4Pages(browser);
            assertTrue(pages >= 3 && pages <= 6, "one plan per A4 page (at most two each): " + pages);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            java.util.Map<String, Integer> sheets = new java.util.LinkedHashMap<>();
            for (String link : links) {
                browser.get(link);
                // Figures, or the page's final word (not its "loading" line).
                wait.until(d -> !d.findElements(By.cssSelector("#figure-table tbody tr"))
                                .isEmpty()
                        || !d.findElement(By.id("figure-summary")).getText().isBlank()
                        || !d.findElement(By.id("status")).getText().isBlank()
                                && !d.findElement(By.id("status")).getText().startsWith("Chargement"));
                assertFalse(
                        browser.findElements(By.cssSelector("#figure-table tbody tr"))
                                .isEmpty(),
                        link + " shows no figure: "
                                + browser.findElement(By.id("status")).getText() + " / "
                                + browser.findElement(By.id("figure-title")).getText() + " / "
                                + browser.findElement(By.id("figure-summary")).getText());
                // The room's sheet of every view a plan shows prints on one A4 page (two-step flows and routes
                // included).
                sheets.put(link, Chromium.a4Pages(browser));
            }
            assertTrue(sheets.values().stream().allMatch(p -> p == 1), "A4 pages per sheet: " + sheets);
            browser.get(base + "/");
            assertTrue(browser.findElement(By.id("formation-link"))
                    .getAttribute("href")
                    .endsWith("/formation"));
            // Job search is a spell between steps, never listed as a passerelle (the demo's cleaners go through it).
            for (String q : List.of("from=K2204&toDomain=N", "from=BAC-PRO-ASSP&toDomain=J")) {
                var answer = java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/bridges?" + q))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(answer.body())
                        .get("bridges")
                        .forEach(b -> assertTrue(
                                !"other".equals(b.get("step").get("kind").asText()),
                                q + ": a spell out of work as a bridge: " + b));
            }
        } finally {
            browser.quit();
            app.stop();
        }
    }

    /** A table's cells by row name: the destination's value, null when hidden. */
    static java.util.Map<String, Integer[]> read(ChromeDriver browser, String round, String table) {
        java.util.Map<String, Integer[]> rows = new java.util.LinkedHashMap<>();
        for (WebElement tr : browser.findElements(
                By.cssSelector("#round-" + round + " table[data-table='" + table + "'] tbody tr"))) {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            Integer[] values = new Integer[cells.size()];
            for (int d = 0; d < cells.size(); d++) {
                String text = cells.get(d).getText();
                values[d] = text.matches("-?\\d+") ? Integer.valueOf(text) : null;
            }
            rows.put(tr.getAttribute("data-row"), values);
        }
        return rows;
    }

    static void guess(ChromeDriver browser, String round, int dest) {
        browser.findElement(By.cssSelector("#round-" + round + " .guess button[data-dest='" + dest + "']"))
                .click();
    }

    static String verdict(ChromeDriver browser, String round) {
        return browser.findElement(By.cssSelector("#round-" + round + " .verdict"))
                .getAttribute("data-found");
    }

    /**
     * The lab played as a room would: the lone person is read off exact counts, found again by subtracting the
     * regions from the nation under k alone and by comparing two releases one person apart; the page makes no
     * request for data (the population is invented in the browser) and explains each protection.
     */
    @Test
    void theRoomFindsThePlantedPersonUntilNoiseAndBatchingProtectIt(@TempDir Path profile) throws Exception {
        Javalin app =
                ApiServer.create(Fixtures.services(Fixtures.demoRelease())).start("127.0.0.1", 0);
        ChromeDriver browser = Chromium.start(profile);
        try {
            String base = "http://127.0.0.1:" + app.port();
            browser.get(base + "/formation/labo");
            // Exact counts: the lone person's row says it.
            Integer[] lone = read(browser, "exact", "regions").get("Corse");
            int dest = java.util.Arrays.asList(lone).indexOf(1);
            guess(browser, "exact", dest);
            assertEquals("yes", verdict(browser, "exact"));
            // k alone: the Corse row is hidden; the nation minus the regions shown gives 1 where the person went.
            java.util.Map<String, Integer[]> regions = read(browser, "k", "regions");
            assertTrue(java.util.Arrays.stream(regions.get("Corse")).allMatch(java.util.Objects::isNull));
            Integer[] nation = read(browser, "k", "nation").get("France");
            int subtracted = -1;
            for (int d = 0; d < nation.length; d++) {
                int rest = nation[d];
                for (String region : List.of("Bretagne", "Occitanie", "Hauts-de-France")) {
                    rest -= regions.get(region)[d];
                }
                if (rest == 1) {
                    subtracted = d;
                }
            }
            assertEquals(dest, subtracted, "differencing under k alone finds the person");
            guess(browser, "k", subtracted);
            assertEquals("yes", verdict(browser, "k"));
            // With noise the same subtraction names nothing reliably; the lesson says why.
            guess(browser, "noise", 0);
            assertTrue(
                    browser.findElement(By.cssSelector("#round-noise .lesson")).isDisplayed());
            // Two releases one person apart: the one cell that moved is the person's.
            Integer[] before = read(browser, "diff", "before").get("France");
            Integer[] after = read(browser, "diff", "after").get("France");
            int moved = -1;
            int changes = 0;
            for (int d = 0; d < before.length; d++) {
                if (!java.util.Objects.equals(before[d], after[d])) {
                    moved = d;
                    changes++;
                }
            }
            assertEquals(1, changes, "only the person's cell moved");
            guess(browser, "diff", moved);
            assertEquals("yes", verdict(browser, "diff"));
            // Batched: many cells move.
            Integer[] batchBefore = read(browser, "batch", "before").get("France");
            Integer[] batchAfter = read(browser, "batch", "after").get("France");
            int batchChanges = 0;
            for (int d = 0; d < batchBefore.length; d++) {
                batchChanges += java.util.Objects.equals(batchBefore[d], batchAfter[d]) ? 0 : 1;
            }
            assertTrue(batchChanges >= 3, "a batch moves every cell or nearly: " + batchChanges);
            guess(browser, "batch", 0);
            String scoreText = browser.findElement(By.id("score")).getText();
            assertTrue(scoreText.contains("sur 5 manches"), scoreText);
            // Invented in the browser: no request for figures.
            for (String url : Chromium.requestedUrls(browser)) {
                assertFalse(url.contains("/api/"), "the lab asks the server for no figure: " + url);
            }
            Files.write(
                    Path.of("target", "screenshots", "labo.png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } finally {
            browser.quit();
            app.stop();
        }
    }
}
