package fr.passerelle.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.api.Admin;
import fr.passerelle.api.ApiKeys;
import fr.passerelle.api.ApiServer;
import fr.passerelle.collect.Opposition;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.DirectContributions;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.publish.ReleaseApi;
import io.javalin.Javalin;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bodies people and operators send: admin erasure (JSON), admin import (JSON Lines, CSV, or
 * anything under any content type), contributions and opposition (JSON). Every answer is JSON, a
 * success or the caller's error, never a 500; and a refused import writes nothing (the person
 * count before and after is the same). The input's last bytes pick the route and the content type,
 * the rest is the body, so the seeds in {@code BodyFuzzTestInputs/bodies/} are readable files.
 * {@code ./mvnw test} replays them; {@code JAZZER_FUZZ=1 ./mvnw test -Djazzer.hooks=true -Dtest=BodyFuzzTest} fuzzes.
 */
class BodyFuzzTest {
    private static final List<String> ROUTES = List.of(
            "/api/admin/erase", "/api/admin/import", "/api/contributions", "/api/opposition", "/api/admin/purge");
    private static final List<String> TYPES = List.of(
            "application/json",
            "application/x-ndjson",
            "text/csv",
            "application/x-www-form-urlencoded",
            "text/plain; charset=ISO-8859-1");
    private static final Set<Integer> EXPECTED = Set.of(200, 201, 400, 404, 413, 415, 422);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Javalin app;
    private static Database db;
    private static String adminKey;

    private static synchronized String base() throws Exception {
        if (app == null) {
            db = TestNeo4j.reset();
            Path dir = Files.createTempDirectory("body-fuzz-");
            Fixtures.importer(db, 100)
                    .importFiles(
                            List.of(Fixtures.write(
                                    dir,
                                    "p.jsonl",
                                    Fixtures.people("f", 25, "education:BTS-MCO:2018-09", "job:D1301:2020-09"))),
                            false,
                            n -> {});
            ReleaseApi release = Fixtures.release(db, dir);
            ApiKeys keys = ApiKeys.load(dir.resolve("api-keys.csv"));
            adminKey = keys.create("ops", ApiKeys.Role.ADMIN, Fixtures.CLOCK);
            Erasure erasure = new Erasure(db, Fixtures.KEY, Fixtures.CLOCK);
            Admin admin = Fixtures.admin(db, release, dir);
            app = ApiServer.create(
                            Fixtures.services(release),
                            ApiServer.Options.defaults()
                                    .withAccess(admin, keys, false, 0)
                                    .withSelfService(
                                            new Opposition(erasure, Fixtures.CLOCK),
                                            new DirectContributions(
                                                    db, Fixtures.importer(db, 10), erasure, Fixtures.CLOCK)),
                            new ArrayList<>())
                    .start("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                release.close();
            }));
        }
        return "http://127.0.0.1:" + app.port();
    }

    private static long people() {
        return db.read("test/count-persons", Map.of(), r -> r.get("people").asLong())
                .get(0);
    }

    @FuzzTest
    void bodies(FuzzedDataProvider data) throws Exception {
        com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
        String route = data.pickValue(ROUTES);
        String type = data.pickValue(TYPES);
        boolean strict = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8);
        String base = base();
        long before = people();
        URI uri = URI.create(base + route + (route.endsWith("import") && !strict ? "?strict=false" : ""));
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", "Bearer " + adminKey);
        c.setRequestProperty("Content-Type", type);
        try (var out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        String answer;
        try (var in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(EXPECTED.contains(status), status + " for " + route + " (" + type + "): " + answer);
        JsonNode json = JSON.readTree(answer);
        assertTrue(status < 400 || json.has("error"), "an error says what: " + answer);
        if (route.endsWith("import") && status != 200) {
            // A strict import with a bad line (422) or a refused body (400, 415) writes nobody.
            assertEquals(before, people(), "a refused import writes nothing: " + answer);
        }
    }
}
