package fr.passerelle.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.api.ApiServer;
import fr.passerelle.graph.Database;
import fr.passerelle.publish.ReleaseApi;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The HTTP API meets arbitrary parameters: every answer is JSON, 200 or the caller's error (400,
 * 404, 405), never a 500. The route and each parameter's name and value come from the input.
 * {@code ./mvnw test} replays {@code src/test/resources/fr/passerelle/fuzz/ApiFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1 ./mvnw test -Djazzer.hooks=true -Dtest=ApiFuzzTest} fuzzes.
 */
class ApiFuzzTest {
    private static final List<String> ROUTES = List.of(
            "/api/steps",
            "/api/steps/BTS-MCO",
            "/api/steps/BTS-MCO/next",
            "/api/steps/BTS-MCO/previous",
            "/api/steps/D1301/reconversions",
            "/api/steps/BTS-MCO/outcomes",
            "/api/steps/BTS-MCO/similar",
            "/api/routes",
            "/api/bridges",
            "/api/privacy",
            "/api/domains",
            "/api/steps/%s/next");
    private static final List<String> NAMES = List.of(
            "q",
            "kind",
            "limit",
            "after",
            "region",
            "period",
            "from",
            "to",
            "since",
            "maxSteps",
            "months",
            "toDomain",
            "lang");
    private static final Set<Integer> EXPECTED = Set.of(200, 400, 404, 405);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Javalin app;

    private static synchronized String base() throws Exception {
        if (app == null) {
            Database db = TestNeo4j.reset();
            Path dir = Files.createTempDirectory("api-fuzz-");
            Fixtures.importer(db, 100)
                    .importFiles(
                            List.of(Fixtures.write(
                                    dir,
                                    "p.jsonl",
                                    Fixtures.people(
                                            "f",
                                            25,
                                            "education:BAC-STMG:2016-09",
                                            "education:BTS-MCO:2018-09",
                                            "job:D1301:2020-09"))),
                            false,
                            n -> {});
            ReleaseApi release = Fixtures.release(db, dir);
            app = ApiServer.create(Fixtures.services(release)).start("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                release.close();
            }));
        }
        return "http://127.0.0.1:" + app.port();
    }

    @FuzzTest
    void parameters(FuzzedDataProvider data) throws Exception {
        // The test's own calls to the server it started, and that server's to its release store on loopback; Jazzer's
        // SSRF detector stays on for any other address.
        com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
        String route = data.pickValue(ROUTES);
        if (route.contains("%s")) {
            route = String.format(
                    route,
                    URLEncoder.encode(data.consumeString(30), StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        StringBuilder query = new StringBuilder();
        int n = data.consumeInt(0, 5);
        for (int i = 0; i < n; i++) {
            String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(10);
            query.append(i == 0 ? '?' : '&')
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(data.consumeString(40), StandardCharsets.UTF_8));
        }
        URI uri = URI.create(base() + route + query);
        // A blocking connection in this thread, where the allowance above applies.
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) uri.toURL().openConnection();
        int status = c.getResponseCode();
        String body;
        try (var in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(EXPECTED.contains(status), status + " for " + uri + ": " + body);
        JsonNode json = JSON.readTree(body);
        assertTrue(status == 200 || json.has("error"), "an error says what: " + body);
    }
}
