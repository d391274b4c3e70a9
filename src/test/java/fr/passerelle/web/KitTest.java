package fr.passerelle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Chromium;
import fr.passerelle.Fixtures;
import fr.passerelle.kit.Kit;
import fr.passerelle.recommend.NextSteps;
import fr.passerelle.recommend.Services;
import fr.passerelle.recommend.StepNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * The offline kit written from the demo release and opened from {@code file://} in Chromium, as a room with no network
 * would: every page reached from the kit's home, no request leaving {@code file://}, every figure carrying its release,
 * people and noise sentence with the API's own figures, the plans' links landing on their figure, the lab played, and
 * the handouts printing on A4.
 */
class KitTest {

    @Test
    void aKitOpensOfflineWithTheReleasesFigures(@TempDir Path dir) throws Exception {
        Services services = Fixtures.services(Fixtures.demoRelease());
        Path kit = dir.resolve("kit");
        Kit.Written written = new Kit(services).write(kit, List.of("BTS-MCO"));
        long version = services.steps().datasetVersion();
        assertEquals(version, written.release());
        assertTrue(
                written.steps().containsAll(List.of("BTS-MCO", "D1214", "BTS-SIO-SLAM", "BAC-PRO-ASSP")),
                written.toString());
        for (String name :
                List.of("index.html", "seances.html", "labo.html", "labo.js", "vie-privee.html", "LISEZMOI.txt")) {
            assertTrue(Files.isRegularFile(kit.resolve(name)), name);
        }
        // Every figure says which release, how many people, what the noise means, and that the people are invented.
        List<Path> svgs;
        try (Stream<Path> s = Files.list(kit.resolve("figures"))) {
            svgs = s.sorted().toList();
        }
        assertEquals(written.figures().size(), svgs.size());
        assertTrue(svgs.size() >= 15, svgs.toString());
        for (Path svg : svgs) {
            String text = Files.readString(svg, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg.toString());
            assertTrue(text.contains("publication n° " + version + " du "), svg + " names its release");
            assertTrue(text.contains("(±3) pour protéger les personnes"), svg + " says the noise");
            assertTrue(text.contains("Données de démonstration (synthétiques)"), svg + " says demo");
            assertFalse(text.matches("(?s).*\\bk\\s*=.*"), svg + " speaks of k to a room");
            assertFalse(text.contains("http") && !text.contains("http://www.w3.org/2000/svg"), svg + " links out");
        }
        assertTrue(
                Files.readString(kit.resolve("figures/BTS-MCO-next.svg")).contains("personnes derrière ce graphique"));
        // The handout's figures are the API's: each listed destination with its released count.
        NextSteps next = services.steps().next("BTS-MCO");
        String handout = Files.readString(kit.resolve("etapes/BTS-MCO.html"));
        assertFalse(next.next().isEmpty());
        next.next()
                .forEach(n -> assertTrue(
                        handout.contains(escape(n.step().label()) + "</th><td>")
                                && handout.contains("n = "
                                        + String.format(Locale.FRANCE, "%,d", n.people())
                                                .replace('\u202f', '\u00a0')),
                        "the handout shows " + n.step().label() + " n = " + n.people()));
        // A job's handout shows its reconversions; a programme's shows its promise.
        assertTrue(Files.isRegularFile(kit.resolve("figures/D1214-reconversions.svg")));
        assertTrue(Files.isRegularFile(kit.resolve("figures/BTS-SIO-SLAM-fit.svg")));
        assertTrue(Files.isRegularFile(kit.resolve("figures/BAC-PRO-ASSP-bridges-J.svg")));
        // Bridges say two groups of people in words, never "26 -> 478".
        String bridges = Files.readString(kit.resolve("figures/BAC-PRO-ASSP-bridges-J.svg"));
        assertTrue(bridges.contains("personnes y sont allées"), "bridges in words");
        assertFalse(bridges.contains("→ n ="), "no arrow between two counts");

        Path profile = dir.resolve("profile");
        ChromeDriver browser = Chromium.start(profile);
        try {
            Files.createDirectories(Path.of("target", "screenshots"));
            // Every page the kit's home leads to, then every link of those pages, each opened.
            Set<String> pages = new LinkedHashSet<>();
            pages.add(kit.resolve("index.html").toUri().toString());
            List<String> queue = new ArrayList<>(pages);
            while (!queue.isEmpty()) {
                String page = queue.remove(0);
                browser.get(page);
                for (WebElement a : browser.findElements(By.cssSelector("a[href]"))) {
                    String href = a.getAttribute("href");
                    assertTrue(href.startsWith("file://"), page + " links out of the kit: " + href);
                    String target = href.replaceAll("#.*$", "");
                    if (target.endsWith(".html") && pages.add(target)) {
                        queue.add(target);
                    }
                    if (href.contains("#") && !href.endsWith("#main") && target.endsWith(".html")) {
                        String anchor = href.substring(href.indexOf('#') + 1);
                        String file = Files.readString(Path.of(java.net.URI.create(target)));
                        assertTrue(file.contains("id=\"" + anchor + "\""), href + " lands on no figure");
                    }
                }
                for (WebElement img : browser.findElements(By.tagName("img"))) {
                    Object width = browser.executeScript("return arguments[0].naturalWidth", img);
                    assertTrue(((Number) width).intValue() > 0, page + ": figure not drawn " + img.getAttribute("src"));
                }
                List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                        .map(Object::toString)
                        .toList();
                assertTrue(severe.isEmpty(), page + ": " + severe);
            }
            assertTrue(pages.size() >= 9, pages.toString());
            for (String url : Chromium.requestedUrls(browser)) {
                assertTrue(offline(url), "a request left file://: " + url);
            }
            // The plans' "À montrer" links land on the handouts' figures.
            browser.get(kit.resolve("seances.html").toUri().toString());
            List<WebElement> shows = browser.findElements(By.cssSelector("a.show"));
            assertTrue(shows.size() >= 9);
            shows.forEach(a -> assertTrue(a.getAttribute("href").contains("/etapes/"), a.getAttribute("href")));
            // Each handout prints on A4 without splitting a figure: at most a page per figure.
            for (String step : List.of("BTS-MCO", "D1214", "BAC-PRO-ASSP")) {
                browser.get(kit.resolve("etapes/" + step + ".html").toUri().toString());
                int figures =
                        browser.findElements(By.cssSelector("section.figure")).size();
                int a4 = Chromium.a4Pages(browser);
                assertTrue(a4 >= 1 && a4 <= figures, step + ": " + a4 + " A4 pages for " + figures + " figures");
                Files.write(
                        Path.of("target", "screenshots", "kit-" + step + ".png"),
                        browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            }
            // The other pages print on A4 too: the plans one per page (at most two each), the home and the lab short.
            java.util.Map<String, Integer> printed = new java.util.LinkedHashMap<>();
            for (String page : List.of("index.html", "seances.html", "labo.html", "vie-privee.html")) {
                browser.get(kit.resolve(page).toUri().toString());
                printed.put(page, Chromium.a4Pages(browser));
            }
            assertTrue(
                    printed.get("index.html") <= 2
                            && printed.get("seances.html") >= 3
                            && printed.get("seances.html") <= 6
                            && printed.get("labo.html") <= 8
                            && printed.get("vie-privee.html") <= 10,
                    "A4 pages: " + printed);
            System.out.println("kit A4 pages: " + printed);
            // The lab, played offline: exact counts give the person away.
            browser.get(kit.resolve("labo.html").toUri().toString());
            Integer[] lone = FormationPageTest.read(browser, "exact", "regions").get("Corse");
            FormationPageTest.guess(
                    browser, "exact", java.util.Arrays.asList(lone).indexOf(1));
            assertEquals("yes", FormationPageTest.verdict(browser, "exact"));
            browser.get(kit.resolve("index.html").toUri().toString());
            Files.write(
                    Path.of("target", "screenshots", "kit-index.png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            for (String url : Chromium.requestedUrls(browser)) {
                assertTrue(offline(url), "a request left file://: " + url);
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void anUnknownStepOrAFullFolderWritesNothing(@TempDir Path dir) throws Exception {
        Kit kit = new Kit(Fixtures.services(Fixtures.demoRelease()));
        StepNotFoundException unknown =
                assertThrows(StepNotFoundException.class, () -> kit.write(dir.resolve("k1"), List.of("BTS-MCOO")));
        assertTrue(
                unknown.closeMatches().stream().anyMatch(m -> m.id().equals("BTS-MCO")),
                unknown.closeMatches().toString());
        assertFalse(Files.exists(dir.resolve("k1")));
        Files.createDirectories(dir.resolve("k2"));
        Files.writeString(dir.resolve("k2/notes.txt"), "mine");
        IllegalArgumentException full =
                assertThrows(IllegalArgumentException.class, () -> kit.write(dir.resolve("k2"), List.of()));
        assertTrue(full.getMessage().contains("not an empty folder"), full.getMessage());
        assertEquals(
                List.of("notes.txt"),
                Files.list(dir.resolve("k2"))
                        .map(p -> p.getFileName().toString())
                        .toList());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "no partial folder left behind");
        }
    }

    /** The kit's files, inline data, or the browser's own pages (chrome://, never a network address). */
    private static boolean offline(String url) {
        return url.startsWith("file://") || url.startsWith("data:") || url.startsWith("chrome://");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
