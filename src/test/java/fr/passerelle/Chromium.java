package fr.passerelle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium for browser tests. Without it the calling test is skipped with the
 * reason, unless PASSERELLE_REQUIRE_BROWSER is set (CI), where a missing browser is a failure.
 */
public final class Chromium {
    private Chromium() {}

    public static ChromeDriver start(Path profile) {
        Path chromium = Path.of(System.getenv().getOrDefault("PASSERELLE_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getenv().getOrDefault("PASSERELLE_CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        if (!present && System.getenv("PASSERELLE_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException(
                    "PASSERELLE_REQUIRE_BROWSER is set but " + chromium + " or " + chromedriver + " is missing");
        }
        Assumptions.assumeTrue(
                present,
                "browser tests skipped: " + chromium + " and " + chromedriver
                        + " are needed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1100",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Every host the browser sent a request to since the last call (from Chrome's network log): a
     * request the page's Content-Security-Policy blocked was never sent, so it does not count.
     */
    public static java.util.Set<String> contactedHosts(ChromeDriver driver) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, String> urls = new java.util.LinkedHashMap<>();
        java.util.Set<String> blocked = new java.util.HashSet<>();
        for (org.openqa.selenium.logging.LogEntry entry :
                driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            try {
                com.fasterxml.jackson.databind.JsonNode message =
                        json.readTree(entry.getMessage()).get("message");
                String method = message.get("method").asText();
                com.fasterxml.jackson.databind.JsonNode params = message.get("params");
                if (method.equals("Network.requestWillBeSent")) {
                    urls.put(
                            params.get("requestId").asText(),
                            params.get("request").get("url").asText());
                } else if (method.equals("Network.webSocketCreated")) {
                    urls.put(params.get("requestId").asText(), params.get("url").asText());
                } else if (method.equals("Network.loadingFailed") && params.hasNonNull("blockedReason")) {
                    blocked.add(params.get("requestId").asText());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        java.util.Set<String> hosts = new java.util.TreeSet<>();
        urls.forEach((id, url) -> {
            // The browser's own pages (chrome://new-tab-page...) are not network requests.
            if (!blocked.contains(id) && url.matches("(?i)(https?|wss?)://.*")) {
                hosts.add(java.net.URI.create(url).getHost());
            }
        });
        return hosts;
    }

    /** Every address the browser requested since the last read of its network log, in order. */
    public static java.util.List<String> requestedUrls(ChromeDriver driver) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<String> urls = new java.util.ArrayList<>();
        for (org.openqa.selenium.logging.LogEntry entry :
                driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            try {
                com.fasterxml.jackson.databind.JsonNode message =
                        json.readTree(entry.getMessage()).get("message");
                if (message.get("method").asText().equals("Network.requestWillBeSent")) {
                    urls.add(message.get("params").get("request").get("url").asText());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return urls;
    }

    /** The page printed as the browser prints it on A4 (29.7 x 21 cm as Chrome's print API takes it): its pages. */
    public static int a4Pages(ChromeDriver driver) {
        org.openqa.selenium.print.PrintOptions a4 = new org.openqa.selenium.print.PrintOptions();
        a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        byte[] pdf = java.util.Base64.getDecoder().decode(driver.print(a4).getContent());
        return new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).split("/Type\\s*/Page[^s]", -1).length - 1;
    }
}
