package fr.passerelle.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.Importer;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.mapping.OfficialData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Collection against a local HTTP server on loopback serving fixture pages (schema.org JSON-LD and
 * microdata, h-resume, a site profile, robots.txt disallow, noindex, malformed HTML, a huge page, a
 * wrong charset, a redirect loop, a slow page, a deleted profile). Nothing leaves loopback.
 */
class CollectorTest {
    static final Path PAGES = Path.of("src/test/resources/collect/pages");
    static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    HttpServer server;
    String base;
    String local;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final List<Long> hitTimes = new CopyOnWriteArrayList<>();
    volatile boolean toggleNoindex;
    Database db;

    @BeforeEach
    void start() throws IOException {
        db = TestNeo4j.reset();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        local = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        hitTimes.add(System.currentTimeMillis());
        try (x) {
            switch (path) {
                case "/robots.txt" ->
                    send(
                            x,
                            200,
                            "text/plain",
                            "User-agent: *\nDisallow: /private/\n\nUser-agent: PasserelleBot\nDisallow: /private/\n");
                case "/p/jsonld" -> page(x, "jsonld.html", "text/html; charset=utf-8");
                case "/p/microdata" -> page(x, "microdata.html", "text/html; charset=utf-8");
                case "/p/h-resume" -> page(x, "h-resume.html", "text/html; charset=utf-8");
                case "/p/site" -> page(x, "site-profile.html", "text/html; charset=utf-8");
                case "/p/noindex" -> page(x, "noindex.html", "text/html; charset=utf-8");
                case "/p/malformed" -> page(x, "malformed.html", "text/html");
                // Served as UTF-8, written in Windows-1252.
                case "/p/wrong-charset" -> page(x, "wrong-charset.html", "text/html; charset=utf-8");
                case "/p/toggle" -> {
                    if (toggleNoindex) {
                        x.getResponseHeaders().add("X-Robots-Tag", "noindex");
                    }
                    page(x, "jsonld.html", "text/html; charset=utf-8");
                }
                case "/p/huge" -> {
                    x.getResponseHeaders().add("Content-Type", "text/html");
                    x.sendResponseHeaders(200, 0);
                    OutputStream out = x.getResponseBody();
                    byte[] chunk = "<p>bla bla bla bla bla bla bla bla</p>\n"
                            .repeat(1000)
                            .getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 100 && !Thread.currentThread().isInterrupted(); i++) {
                        try {
                            out.write(chunk);
                        } catch (IOException closed) {
                            return;
                        }
                    }
                }
                case "/p/loop1" -> redirect(x, "/p/loop2");
                case "/p/loop2" -> redirect(x, "/p/loop1");
                case "/p/slow" -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    page(x, "jsonld.html", "text/html");
                }
                case "/p/gone" -> send(x, 410, "text/html", "<p>Ce profil a été supprimé.</p>");
                default -> send(x, 404, "text/plain", "not found");
            }
        }
    }

    private static void page(HttpExchange x, String file, String type) throws IOException {
        byte[] body = Files.readAllBytes(PAGES.resolve(file));
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
    }

    private static void redirect(HttpExchange x, String to) throws IOException {
        x.getResponseHeaders().add("Location", to);
        x.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange x, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
    }

    Collector collector(Duration delay) {
        Catalogue catalogue = Catalogue.bundled();
        OfficialData data = OfficialData.load(
                catalogue,
                Path.of("src/test/resources/references/rome"),
                Path.of("src/test/resources/references/diplomas"));
        Catalogue wider = catalogue.with(data.steps(), "test references");
        db.writeOne("import/catalogue-upsert", Map.of("steps", wider.asRows()));
        Importer importer = new Importer(
                db,
                new Normaliser(wider, Regions.bundled(), Fixtures.KEY, Normaliser.RegionLevel.REGION),
                Fixtures.KEY,
                Fixtures.RECORD_KEYS,
                100,
                Fixtures.CLOCK);
        PageFetcher fetcher = new PageFetcher(new PageFetcher.Settings(
                "PasserelleBot/0.1 (+test)", "PasserelleBot", delay, Duration.ofSeconds(1), 1024 * 1024, 3));
        List<ProfileParser.SiteProfile> profiles =
                ProfileParser.SiteProfile.load(Path.of("import/site-profiles.json")).stream()
                        .map(p -> new ProfileParser.SiteProfile(
                                p.name(),
                                List.of("localhost"),
                                p.privateMarker(),
                                p.region(),
                                p.education(),
                                p.experience()))
                        .toList();
        return new Collector(
                db,
                Fixtures.KEY,
                fetcher,
                new ProfileParser(profiles),
                data.matcher(wider, null, 0.6),
                importer,
                new Erasure(db, Fixtures.KEY, Fixtures.CLOCK));
    }

    List<Map<String, Object>> persons() {
        return db.read("test/snapshot-persons", Map.of(), r -> r.asMap());
    }

    @SuppressWarnings("unchecked")
    List<String> stepsOf(String source, String url) {
        String pid = Fixtures.KEY.pseudonym(source, url);
        return persons().stream()
                .filter(p -> pid.equals(p.get("pid")))
                .map(p -> (List<String>) p.get("steps"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void anObjectionByUrlErasesTheProfileAndTheCollectorNeverFetchesItAgain() throws Exception {
        collector(Duration.ZERO).collectUrls(List.of(base + "/p/jsonld", base + "/p/microdata"));
        assertEquals(List.of("BAC-STI2D", "BTS-SIO-SLAM", "M1805", "M1806"), stepsOf("127.0.0.1", base + "/p/jsonld"));
        int fetched = hits.get("/p/jsonld").get();
        io.javalin.Javalin app = fr.passerelle.api.ApiServer.create(
                        fr.passerelle.recommend.Services.over(
                                db, fr.passerelle.privacy.Thresholds.defaults(), Fixtures.CLOCK, Fixtures.REGISTER),
                        fr.passerelle.api.ApiServer.Options.defaults()
                                .withAccess(null, fr.passerelle.api.ApiKeys.none(), true, 4)
                                .withSelfService(
                                        new Opposition(new Erasure(db, Fixtures.KEY, Fixtures.CLOCK), Fixtures.CLOCK),
                                        null),
                        new ArrayList<>())
                .start("127.0.0.1", 0);
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<String, java.net.http.HttpResponse<String>> oppose = body -> {
                try {
                    return http.send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/opposition"))
                                    .header("Content-Type", "application/json")
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            // Written another way (host case, trailing slash, fragment, tracking): the same profile. No key needed.
            String variant = variant(base);
            var held = oppose.apply("{\"url\": \"" + variant + "\"}");
            assertEquals(200, held.statusCode(), held.body());
            var notHeld = oppose.apply("{\"url\": \"" + base + "/p/never-collected\"}");
            assertEquals(200, notHeld.statusCode());
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            var a = json.readTree(held.body());
            var b = json.readTree(notHeld.body());
            assertEquals(a.get("effect"), b.get("effect"), "no membership oracle");
            List<String> fieldsA = new ArrayList<>();
            a.fieldNames().forEachRemaining(fieldsA::add);
            List<String> fieldsB = new ArrayList<>();
            b.fieldNames().forEachRemaining(fieldsB::add);
            assertEquals(fieldsA, fieldsB);
            assertEquals(400, oppose.apply("{\"url\": \"ftp://example.org/x\"}").statusCode());
            assertEquals(400, oppose.apply("not json").statusCode());
            // Abuse is bounded: 4 a minute from this address.
            assertEquals(
                    429, oppose.apply("{\"url\": \"" + base + "/p/other\"}").statusCode());
        } finally {
            app.stop();
        }
        assertEquals(null, stepsOf("127.0.0.1", base + "/p/jsonld"), "erased");
        assertEquals(
                List.of("BAC-PRO-MCV", "BTS-MCO", "D1301"),
                stepsOf("127.0.0.1", base + "/p/microdata"),
                "the others stay");
        for (Map<String, Object> p : db.read("test/snapshot-persons", Map.of(), r -> r.asMap())) {
            assertFalse(p.toString().contains("/p/jsonld"), "the URL is stored nowhere");
        }
        Collector.Report again = collector(Duration.ZERO).collectUrls(List.of(base + "/p/jsonld"));
        assertEquals(1, again.doNotCollect);
        assertEquals(fetched, hits.get("/p/jsonld").get(), "never fetched again");
        assertEquals(ProfileUrl.canonical(base + "/p/jsonld"), ProfileUrl.canonical(variant(base)));
    }

    static String variant(String base) {
        return base.replace("http://", "HTTP://") + "/p/jsonld/?utm_source=mail&fbclid=x#top";
    }

    @Test
    void eachFormatGivesItsStepsAndEveryRefusalIsNamed() throws Exception {
        Collector.Report report = collector(Duration.ZERO)
                .collectUrls(List.of(
                        base + "/p/jsonld",
                        base + "/p/microdata",
                        base + "/p/h-resume",
                        local + "/p/site",
                        base + "/p/noindex",
                        base + "/p/malformed",
                        base + "/p/wrong-charset",
                        base + "/p/huge",
                        base + "/p/loop1",
                        base + "/p/slow",
                        base + "/private/profile",
                        base + "/p/gone",
                        "ftp://127.0.0.1/x"));
        assertEquals(List.of("BAC-STI2D", "BTS-SIO-SLAM", "M1805", "M1806"), stepsOf("127.0.0.1", base + "/p/jsonld"));
        assertEquals(List.of("BAC-PRO-MCV", "BTS-MCO", "D1301"), stepsOf("127.0.0.1", base + "/p/microdata"));
        assertEquals(List.of("BAC-ST2S", "DE-AS", "J1501"), stepsOf("127.0.0.1", base + "/p/h-resume"));
        assertEquals(
                List.of("CAP-CUISINE", "G1602", "UNMAPPED-JOB"),
                stepsOf("localhost", local + "/p/site"),
                "two jobs in one ROME code count once in a row; the unknown title is kept as unrecognised");
        assertEquals(
                List.of("LIC-INFO", "M1805"),
                stepsOf("127.0.0.1", base + "/p/wrong-charset"),
                "the accent decoded, so the title maps");
        assertEquals(1, report.formats.get("json-ld"));
        assertEquals(1, report.formats.get("microdata"));
        assertEquals(1, report.formats.get("site:exemple-cv"));
        assertTrue(report.formats.get("h-resume") >= 2, report.formats.toString());
        assertEquals(1, report.refused.get("too-large"), report.refused.toString());
        assertEquals(1, report.refused.get("redirects"));
        assertEquals(1, report.refused.get("timeout"));
        assertEquals(1, report.refused.get("robots"));
        assertEquals(1, report.refused.get("scheme"));
        assertEquals(2, report.withdrawn, "noindex and the deleted (410) profile");
        assertTrue(stepsOf("127.0.0.1", base + "/p/noindex") == null);
        assertEquals(null, hits.get("/private/profile"), "a page robots.txt disallows is never requested");
        assertEquals(2, hits.get("/robots.txt").get(), "robots.txt read once per host (127.0.0.1 and localhost)");
        assertTrue(report.stepsUnmapped >= 1);
        assertEquals(report.stepsFound, report.stepsMapped + report.stepsUnmapped);
        // Regions: coarse region codes only.
        @SuppressWarnings("unchecked")
        List<String> regions = persons().stream()
                .filter(p ->
                        Fixtures.KEY.pseudonym("127.0.0.1", base + "/p/jsonld").equals(p.get("pid")))
                .map(p -> (List<String>) p.get("regions"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("84", "84", "84", "84"), regions);
    }

    @Test
    void nothingButStepsIsStored() throws Exception {
        collector(Duration.ZERO)
                .collectUrls(
                        List.of(base + "/p/jsonld", base + "/p/microdata", base + "/p/h-resume", local + "/p/site"));
        List<Map<String, Object>> properties = db.read("test/all-properties", Map.of(), r -> r.asMap());
        for (Map<String, Object> p : properties) {
            String value = String.valueOf(p.get("value"));
            String where = p.get("owner") + "." + p.get("key") + " = " + value;
            for (String secret : List.of(
                    "Camille",
                    "Martin",
                    "Yanis",
                    "Inès",
                    "Lucas",
                    "Lyon",
                    "Rennes",
                    "Lilas",
                    "ACME",
                    "Lycée du Parc",
                    "Ampère",
                    "EHPAD",
                    "Dompteur",
                    "licorne",
                    "/p/",
                    "http",
                    "photo",
                    "12 34")) {
                assertFalse(value.toLowerCase().contains(secret.toLowerCase()), "found \"" + secret + "\" in " + where);
            }
            assertFalse(EMAIL.matcher(value).find(), "email in " + where);
        }
    }

    @Test
    void aProfileLaterMarkedNoindexIsErasedListedAndNeverFetchedAgain() throws Exception {
        String url = base + "/p/toggle";
        collector(Duration.ZERO).collectUrls(List.of(url));
        assertEquals(4, stepsOf("127.0.0.1", url).size());
        toggleNoindex = true;
        Collector.Report second = collector(Duration.ZERO).collectUrls(List.of(url));
        assertEquals(1, second.withdrawn);
        assertTrue(stepsOf("127.0.0.1", url) == null, "erased");
        assertEquals(
                0L,
                db.read("person/people-count", Map.of(), r -> r.get("people").asLong())
                        .get(0));
        int fetched = hits.get("/p/toggle").get();
        Collector.Report third = collector(Duration.ZERO).collectUrls(List.of(url));
        assertEquals(1, third.doNotCollect);
        assertEquals(fetched, hits.get("/p/toggle").get(), "the do-not-collect list is checked before any request");
    }

    @Test
    void requestsToOneHostAreSpacedByTheDelay() throws Exception {
        collector(Duration.ofMillis(300))
                .collectUrls(List.of(base + "/p/jsonld", base + "/p/microdata", base + "/p/h-resume"));
        List<Long> times = new ArrayList<>(hitTimes);
        assertEquals(4, times.size(), "robots.txt and three pages");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) - times.get(i - 1) >= 280, "gap " + (times.get(i) - times.get(i - 1)) + " ms");
        }
    }

    @Test
    void savedPagesUseTheirCanonicalUrlAndGiveTheSameSteps(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Files.copy(PAGES.resolve("jsonld.html"), dir.resolve("a.html"));
        Files.copy(PAGES.resolve("noindex.html"), dir.resolve("b.html"));
        Collector.Report report = collector(Duration.ZERO).collectDirectory(dir);
        assertEquals(2, report.pages);
        assertEquals(1, report.collected);
        assertEquals(1, report.withdrawn);
        assertEquals(
                List.of("BAC-STI2D", "BTS-SIO-SLAM", "M1805", "M1806"),
                stepsOf("profils.exemple.org", "https://profils.exemple.org/camille-martin"));
        assertTrue(URI.create("https://profils.exemple.org/camille-martin")
                .getHost()
                .equals("profils.exemple.org"));
    }
}
