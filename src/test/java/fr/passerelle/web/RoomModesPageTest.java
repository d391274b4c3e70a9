package fr.passerelle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Chromium;
import fr.passerelle.Fixtures;
import fr.passerelle.api.ApiServer;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The room's modes on the trainers' page, on the demo release in Chromium: "devinez puis découvrez" hides the figure
 * until the room has guessed, then says the API's share; two steps side by side on one scale; the reconversions view
 * from a job; the pupils' QR code, whose address opens the same view on a phone with the room's pass sent on every
 * call; and the defects a room saw: job domains in distinct colours, "Autre situation" explained, no evidence line
 * nor "k" in front of the room.
 */
class RoomModesPageTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void guessCompareReconversionsAndPupilsOnPhones(@TempDir Path profile) throws Exception {
        Services services = Fixtures.services(Fixtures.demoRelease());
        Javalin app = ApiServer.create(services).start("127.0.0.1", 0);
        ChromeDriver browser = Chromium.start(profile);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String base = "http://127.0.0.1:" + app.port();
        try {
            Files.createDirectories(Path.of("target", "screenshots"));
            // Guess, then reveal: the figure is hidden until the room answers; the answer is the API's first share.
            browser.get(base + "/?view=next&step=BTS-MCO&guess=1");
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            WebElement box = browser.findElement(By.id("guess-box"));
            assertTrue(box.isDisplayed(), "the question is asked");
            String question = browser.findElement(By.id("guess-question")).getText();
            var first = services.steps().next("BTS-MCO").next().get(0);
            assertTrue(question.contains(first.step().label()), question);
            assertFalse(browser.findElement(By.id("figure-table")).isDisplayed(), "the figure waits");
            screenshot(browser, "room-guess");
            browser.executeScript(
                    "const r = document.getElementById('guess-value'); r.value = '30'; r.dispatchEvent(new Event('input'));");
            browser.findElement(By.id("reveal")).click();
            String result = browser.findElement(By.id("guess-result")).getText();
            long observed = Math.round(first.share().value() * 100);
            assertTrue(
                    result.contains("Votre estimation : 30 sur 100")
                            && result.contains("Observé : " + observed + " sur 100"),
                    result);
            assertTrue(browser.findElement(By.id("figure-table")).isDisplayed(), "revealed");

            // Two steps side by side: both columns drawn, one scale, the table holds both steps' destinations.
            browser.get(base + "/?view=compare&step=BTS-MCO&other=BTS-SIO-SLAM");
            try {
                wait.until(
                        d -> d.findElements(By.cssSelector(".compare-col svg")).size() == 2);
            } catch (org.openqa.selenium.TimeoutException e) {
                screenshot(browser, "room-compare-failed");
                throw new AssertionError(
                        "compare: " + browser.findElement(By.id("status")).getText() + " / "
                                + browser.manage().logs().get(LogType.BROWSER).getAll(),
                        e);
            }
            String table = browser.findElement(By.id("figure-table")).getText();
            assertTrue(table.contains("BTS Management commercial opérationnel"), table);
            assertTrue(table.contains(services.steps().step("BTS-SIO-SLAM").label()), table);
            assertFalse(
                    browser.findElements(By.cssSelector("#chart-box g.stack")).isEmpty(),
                    "12 months beside each other");
            screenshot(browser, "room-compare");

            // Reconversions from a job: the API's changes, each a bar; from a programme, a sentence saying to pick a
            // job.
            String job = null;
            for (String code : List.of("D1214", "K2204", "D1301", "D1106", "N1103", "J1501", "K1304", "M1607")) {
                try {
                    if (!services.fields().reconversions(code, 3, 8).changes().isEmpty()) {
                        job = code;
                        break;
                    }
                } catch (RuntimeException unknown) {
                    // not a step of this release
                }
            }
            assertNotNull(job, "a demo job with reconversions");
            int changes = services.fields().reconversions(job, 3, 8).changes().size();
            browser.get(base + "/?view=reconversions&step=" + job);
            wait.until(d ->
                    !d.findElements(By.cssSelector("#figure-table tbody tr")).isEmpty());
            assertEquals(
                    changes,
                    browser.findElements(By.cssSelector("#figure-table tbody tr"))
                            .size());
            assertEquals(
                    changes,
                    browser.findElements(By.cssSelector("#chart-box g.bar")).size());
            screenshot(browser, "room-reconversions");
            browser.get(base + "/?view=reconversions&step=BTS-MCO");
            wait.until(d -> !d.findElement(By.id("figure-summary")).getText().isBlank());
            assertTrue(browser.findElement(By.id("figure-summary")).getText().contains("choisissez un métier"));

            // Outcomes: each job domain its own colour (Santé and Services à la personne apart); "Autre situation"
            // said.
            int rowsWithSeveralJobs = 0;
            for (String step : List.of("BAC-PRO-MCV", "BAC-PRO-ASSP")) {
                browser.get(base + "/?view=outcomes&step=" + step);
                wait.until(d ->
                        !d.findElements(By.cssSelector("#chart-box g.stack")).isEmpty());
                assertTrue(browser.findElement(By.id("figure-notes"))
                        .getText()
                        .contains("« Autre situation » : ni emploi ni études"));
                @SuppressWarnings("unchecked")
                List<List<List<String>>> stacks = (List<List<List<String>>>) browser.executeScript(
                        "return [...document.querySelectorAll('#chart-box g.stack')].map(g => [...g.querySelectorAll('text.legend')]"
                                + ".map(t => [t.textContent, t.previousElementSibling.getAttribute('fill')]));");
                for (List<List<String>> legend : stacks) {
                    List<String> jobColours = legend.stream()
                            .filter(l -> l.get(0).startsWith("Emploi · "))
                            .map(l -> l.get(1))
                            .toList();
                    assertEquals(
                            jobColours.size(),
                            new HashSet<>(jobColours).size(),
                            "one colour per job domain: " + legend);
                    rowsWithSeveralJobs += jobColours.size() >= 2 ? 1 : 0;
                }
            }
            assertTrue(rowsWithSeveralJobs > 0, "a horizon with several job domains was drawn");

            // In front of the room (trainer mode): no evidence line, no "k".
            browser.get(base + "/?view=next&step=BTS-MCO&trainer=1");
            wait.until(d ->
                    !d.findElements(By.cssSelector("#figure-table tbody tr")).isEmpty());
            assertFalse(browser.findElement(By.id("evidence")).isDisplayed(), "no evidence line in trainer mode");
            String visible = browser.findElement(By.tagName("body")).getText();
            assertFalse(visible.matches("(?s).*(\\bk\\s*=|\\bk personnes|de k\\b).*"), "no k in front of the room");
            // Read from the back of the room: the figure's text at least 18 px, dark enough on white (7:1), bars 3:1.
            @SuppressWarnings("unchecked")
            List<String> weak = (List<String>) browser.executeScript(String.join(
                    "\n",
                    "const lum = (c) => { const m = c.match(/\\d+/g).map(Number).slice(0, 3).map(v => v / 255)",
                    "  .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));",
                    "  return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; };",
                    "const contrast = (c) => 1.05 / (lum(c) + 0.05);",
                    "const weak = [];",
                    "document.querySelectorAll('#chart-box svg text').forEach(t => { const s = getComputedStyle(t);",
                    "  if (!t.textContent.trim()) return;",
                    "  if (parseFloat(s.fontSize) < 18) weak.push('small: ' + t.textContent + ' ' + s.fontSize);",
                    "  if (s.fill.startsWith('rgb') && contrast(s.fill) < 7) weak.push('faint: ' + t.textContent + ' ' + s.fill); });",
                    "document.querySelectorAll('#chart-box svg rect').forEach(r => { const f = getComputedStyle(r).fill;",
                    "  if (f.startsWith('rgb') && f !== 'rgb(255, 255, 255)' && contrast(f) < 3) weak.push('bar: ' + f); });",
                    "return weak;"));
            assertTrue(weak.isEmpty(), "projector mode: " + weak);

            // Pupils on phones: a room pass, a QR code of this view, and the phone's view sending the pass.
            browser.get(base + "/?view=next&step=BTS-MCO&trainer=1");
            wait.until(d ->
                    !d.findElements(By.cssSelector("#figure-table tbody tr")).isEmpty());
            browser.findElement(By.id("pupils")).click();
            wait.until(d -> d.findElement(By.id("pupils-dialog")).isDisplayed());
            wait.until(d -> ((Number) ((ChromeDriver) d)
                                    .executeScript("return document.getElementById('pupils-qr').naturalWidth"))
                            .intValue()
                    > 0);
            screenshot(browser, "room-qr");
            String phone = browser.findElement(By.id("pupils-url")).getText();
            assertTrue(phone.startsWith(base + "/?") && phone.contains("eleves=1") && phone.contains("salle="), phone);
            assertFalse(phone.contains("trainer=1"), phone);
            String pass = phone.substring(phone.indexOf("salle=") + 6);
            browser.manage().logs().get(LogType.PERFORMANCE); // what came before
            browser.get(phone);
            wait.until(d ->
                    !d.findElements(By.cssSelector("#figure-table tbody tr")).isEmpty());
            assertTrue(browser.findElement(By.tagName("body"))
                    .getAttribute("class")
                    .contains("pupils"));
            assertFalse(
                    browser.findElement(By.id("trainer")).isDisplayed(), "the phone shows the figure, not the tools");
            int apiCalls = 0;
            for (org.openqa.selenium.logging.LogEntry entry :
                    browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
                JsonNode message = JSON.readTree(entry.getMessage()).get("message");
                if (!message.get("method").asText().equals("Network.requestWillBeSent")) {
                    continue;
                }
                JsonNode request = message.get("params").get("request");
                if (request.get("url").asText().contains("/api/")) {
                    apiCalls++;
                    assertEquals(
                            pass,
                            request.get("headers").path("X-Passerelle-Room").asText(),
                            request.get("url").asText());
                }
            }
            assertTrue(apiCalls > 0);
            screenshot(browser, "room-phone");
        } finally {
            browser.quit();
            app.stop();
        }
    }

    static void screenshot(ChromeDriver browser, String name) throws java.io.IOException {
        Files.write(
                Path.of("target", "screenshots", name + ".png"),
                browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
