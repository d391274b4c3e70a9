package fr.passerelle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.api.ApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serve wiring itself, as {@code serve} starts it (settings, environment, first publication,
 * release store, admin operations, HTTP), on the test database reached by its Bolt address as an
 * external Neo4j would be: an erasure through the admin API is published before it returns.
 */
class ServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anErasureThroughTheAdminApiIsGoneFromTheNextAnswer(@TempDir Path home) throws Exception {
        TestNeo4j.reset();
        // The test keys, so that the expected released numbers are computed independently (Fixtures.released).
        Fixtures.writeKeys(home);
        Settings settings = Fixtures.settings(home, TestNeo4j.boltUri(), null, null);
        String adminKey = ApiKeys.load(settings.apiKeysFile()).create("ops", ApiKeys.Role.ADMIN, Clock.systemUTC());
        List<String> a = Fixtures.ids("a", 30);
        List<String> b = Fixtures.ids("b", 14);
        List<String> lines = new ArrayList<>(Fixtures.people(
                "a", 30, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        lines.addAll(Fixtures.people(
                "b", 14, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        try (Environment env = Environment.open(settings)) {
            env.importer(100).importFiles(List.of(Fixtures.write(home, "people.jsonl", lines)), false, n -> {});
            try (Server server =
                    Server.start(env, new Server.Options("127.0.0.1", 0, List.of(), true, 0, 0, null, false, 0))) {
                assertNull(server.analysts(), "analysts get their own instance with the embedded database only");
                String base = "http://127.0.0.1:" + server.port();
                JsonNode before = get(base + "/api/steps/BTS-MCO/next");
                long stepBefore = get(base + "/api/steps/BTS-MCO").get("people").asLong();
                assertEquals(new fr.passerelle.ReleasedPaths(lines).people(List.of("BTS-MCO")), stepBefore);
                // Fixed per release: an ETag naming it, and a 304 without a body while it is served.
                HttpResponse<String> first = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/steps/BTS-MCO/next"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String etag = first.headers().firstValue("ETag").orElseThrow();
                assertEquals(
                        "no-cache", first.headers().firstValue("Cache-Control").orElseThrow());
                HttpResponse<String> again = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/steps/BTS-MCO/next"))
                                .header("If-None-Match", etag)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(304, again.statusCode());
                assertEquals("", again.body());
                assertEquals(Fixtures.path(List.of("BTS-MCO", "D1502"), b), people(before, "D1502"));
                assertEquals(Fixtures.path(List.of("BTS-MCO", "D1301"), a), people(before, "D1301"));
                long version = server.publication().version();

                // Erase 4 of the 14: their destination now stands on 10 people, under k.
                HttpResponse<String> erased = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/admin/erase"))
                                .header("Authorization", "Bearer " + adminKey)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"source\": \"test\", \"ids\": [\"b-0\", \"b-1\", \"b-2\", \"b-3\"]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, erased.statusCode(), erased.body());
                // Four changes are no release: the figures wait for the policy (the records are gone already).
                assertEquals(version, server.publication().version(), "no release for four changes");
                assertEquals(before, get(base + "/api/steps/BTS-MCO/next"));
                assertEquals(
                        server.publication().publishedAt(),
                        get(base + "/api/health")
                                .get("publication")
                                .get("publishedAt")
                                .asText());
                HttpResponse<String> forced = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/admin/publish?force=true"))
                                .header("Authorization", "Bearer " + adminKey)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, forced.statusCode(), forced.body());
                assertTrue(server.publication().version() > version, "a new release is served");
                assertEquals(
                        200,
                        HTTP.send(
                                        HttpRequest.newBuilder(URI.create(base + "/api/steps/BTS-MCO/next"))
                                                .header("If-None-Match", etag)
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode(),
                        "a new release, a new ETag");
                JsonNode after = get(base + "/api/steps/BTS-MCO/next");
                // 10 people left on D1502: withheld at once, whatever the stability.
                assertNull(people(after, "D1502"), after.toString());
                assertEquals(Fixtures.path(List.of("BTS-MCO", "D1301"), a), people(after, "D1301"));
                // The step lost 4 of its 44 people, fewer than stable-within (5): its value stays as it was.
                assertEquals(
                        stepBefore,
                        get(base + "/api/steps/BTS-MCO").get("people").asLong());
            }
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static Long people(JsonNode next, String destination) {
        for (JsonNode n : next.get("next")) {
            if (n.get("step").get("id").asText().equals(destination)) {
                return n.get("people").asLong();
            }
        }
        return null;
    }
}
