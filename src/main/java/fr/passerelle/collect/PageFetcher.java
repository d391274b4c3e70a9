package fr.passerelle.collect;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches public pages politely: robots.txt honoured (read with crawler-commons, its Crawl-delay
 * too), one request per host at a time with a delay between them, an honest user agent with a
 * contact, a size limit and a time limit per page, and redirects followed by hand up to a bound
 * (each hop checked against robots.txt). Bodies stay in memory; nothing is written to disk.
 */
public final class PageFetcher {
    /** Limits and identity. */
    public record Settings(
            String userAgent, String robotName, Duration delay, Duration timeout, int maxBytes, int maxRedirects) {
        public static Settings defaults(String contact) {
            return new Settings(
                    "PasserelleBot/0.1 (+" + contact + "; collects education and job steps only)",
                    "PasserelleBot",
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(10),
                    2 * 1024 * 1024,
                    5);
        }
    }

    /** A page as fetched: its URL, status, headers that matter (Location on a redirect), body bytes. */
    public record Page(URI url, int status, String contentType, String robotsHeader, String location, byte[] body) {}

    /** Why a page was not fetched or not usable, in words a person can act on. */
    public static final class Refused extends Exception {
        private final String reason;

        public Refused(String reason, String detail) {
            super(reason + ": " + detail);
            this.reason = reason;
        }

        /** A short category for counting: robots, too-large, timeout, redirects, http-status, network, scheme. */
        public String reason() {
            return reason;
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final Map<String, BaseRobotRules> robots = new HashMap<>();
    private final Map<String, Long> lastRequest = new HashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

    public PageFetcher(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .build();
    }

    public Page fetch(URI start) throws Refused, InterruptedException {
        URI url = start;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            check(url);
            Page page = get(url, settings.maxBytes());
            if (page.status() >= 300 && page.status() < 400) {
                String target = page.location();
                if (target == null) {
                    throw new Refused("http-status", page.status() + " without a Location header at " + url);
                }
                url = url.resolve(target);
                continue;
            }
            return page;
        }
        throw new Refused("redirects", "more than " + settings.maxRedirects() + " redirects from " + start);
    }

    private void check(URI url) throws Refused, InterruptedException {
        if (url.getScheme() == null
                || !List.of("http", "https").contains(url.getScheme().toLowerCase(java.util.Locale.ROOT))) {
            throw new Refused("scheme", "only http and https pages are collected: " + url);
        }
        BaseRobotRules rules = rules(url);
        if (!rules.isAllowed(url.toString())) {
            throw new Refused("robots", "robots.txt of " + url.getHost() + " disallows " + url.getPath());
        }
    }

    private BaseRobotRules rules(URI url) throws InterruptedException {
        String origin = url.getScheme() + "://" + url.getAuthority();
        BaseRobotRules rules = robots.get(origin);
        if (rules == null) {
            URI robotsUrl = URI.create(origin + "/robots.txt");
            try {
                Page page = get(robotsUrl, 512 * 1024);
                rules = page.status() == 200
                        ? parser.parseContent(
                                robotsUrl.toString(),
                                page.body(),
                                page.contentType() == null ? "text/plain" : page.contentType(),
                                List.of(settings.robotName().toLowerCase(java.util.Locale.ROOT)))
                        : parser.failedFetch(page.status());
            } catch (Refused e) {
                // Unreachable robots.txt: do as a 5xx says, collect nothing from that host for now.
                rules = parser.failedFetch(503);
            }
            robots.put(origin, rules);
        }
        return rules;
    }

    private Page get(URI url, int maxBytes) throws Refused, InterruptedException {
        waitTurn(url);
        try {
            return fetch(url, maxBytes);
        } finally {
            // The delay runs from the end of the answer: a slow host gets its full pause after each page.
            lastRequest.put(url.getHost(), System.currentTimeMillis());
        }
    }

    private Page fetch(URI url, int maxBytes) throws Refused, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5")
                .GET()
                .build();
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 300 && response.statusCode() < 400) {
                response.body().close();
                return new Page(
                        url,
                        response.statusCode(),
                        null,
                        null,
                        response.headers().firstValue("Location").orElse(null),
                        new byte[0]);
            }
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                response.body().close();
                throw new Refused("too-large", url + " is " + declared + " bytes, the limit is " + maxBytes);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[16384];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    body.write(buffer, 0, n);
                    if (body.size() > maxBytes) {
                        throw new Refused("too-large", url + " is larger than the limit of " + maxBytes + " bytes");
                    }
                    if (System.nanoTime() > deadline) {
                        throw new Refused(
                                "timeout",
                                url + " took longer than " + settings.timeout().toSeconds() + " s");
                    }
                }
            }
            return new Page(
                    url,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    String.join(",", response.headers().allValues("X-Robots-Tag")),
                    null,
                    body.toByteArray());
        } catch (HttpTimeoutException e) {
            throw new Refused(
                    "timeout", url + " took longer than " + settings.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new Refused("network", url + ": " + e.getMessage());
        }
    }

    /** One request per host at a time, at least the delay (or the host's Crawl-delay) after the previous answer. */
    private void waitTurn(URI url) throws InterruptedException {
        String host = url.getHost();
        long delay = settings.delay().toMillis();
        BaseRobotRules rules = robots.get(url.getScheme() + "://" + url.getAuthority());
        if (rules != null && rules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY) {
            delay = Math.max(delay, Math.min(rules.getCrawlDelay(), 60_000));
        }
        Long last = lastRequest.get(host);
        if (last != null) {
            long wait = last + delay - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        lastRequest.put(host, System.currentTimeMillis());
    }
}
