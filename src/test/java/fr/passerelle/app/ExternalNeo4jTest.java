package fr.passerelle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.graph.EmbeddedNeo4j;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.publish.Publication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * Passerelle against a Neo4j server in another process, reached through the routing scheme
 * ({@code neo4j://}) as a cluster or Aura would be: import, erasure, purge and publication give the
 * release the embedded path gives; while the server is stopped, answers go on from the release and
 * what needs the person store answers 503 with Retry-After; when it is back, it works again without
 * a restart; a key rotation re-keys every record and changes no number.
 */
class ExternalNeo4jTest {
    private static final String PASSWORD = "external-neo4j-test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Process startNeo4j(Path home, int port) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        // A test server's work is small: the first JIT tier and one GC thread start it faster on two
                        // cores.
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "fr.passerelle.ExternalNeo4jMain",
                        home.toString(),
                        String.valueOf(port),
                        PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(home.resolveSibling("neo4j-" + port + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try (var driver = GraphDatabase.driver("neo4j://127.0.0.1:" + port, AuthTokens.basic("neo4j", PASSWORD))) {
                driver.verifyConnectivity();
                return p;
            } catch (RuntimeException notYet) {
                assertTrue(p.isAlive(), "the Neo4j process is running");
                Thread.sleep(300);
            }
        }
        throw new AssertionError("the external Neo4j did not answer within 90 s");
    }

    static HttpResponse<String> call(String method, String url, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLifecycleOnASeparateServerGivesTheSameReleaseAndSurvivesItsStop(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Fixtures.people(
                "a", 30, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        lines.addAll(Fixtures.people(
                "b", 14, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        Path file = Fixtures.write(dir, "people.jsonl", lines);

        // The embedded path: what the same input gives.
        Database embedded = TestNeo4j.reset();
        Fixtures.importer(embedded, 100).importFiles(List.of(file), false, n -> {});
        new Erasure(embedded, Fixtures.KEY, Fixtures.CLOCK).erase("test", List.of("a-0"), Erasure.Reason.ERASURE);
        Publication reference = Fixtures.publisher(embedded).publish(dir.resolve("embedded-release"));

        int port = EmbeddedNeo4j.freePort();
        Path neo4jHome = dir.resolve("neo4j-server");
        Process neo4j = startNeo4j(neo4jHome, port);
        try {
            Path home = dir.resolve("home");
            Fixtures.writeKeys(home);
            Settings settings = Fixtures.settings(home, "neo4j://127.0.0.1:" + port, "neo4j", PASSWORD);
            String adminKey = fr.passerelle.api.ApiKeys.load(settings.apiKeysFile())
                    .create("ops", fr.passerelle.api.ApiKeys.Role.ADMIN, java.time.Clock.systemUTC());
            try (Environment env = Environment.open(settings)) {
                assertTrue(env.describe().startsWith("external Neo4j at neo4j://"), env.describe());
                env.importer(100).importFiles(List.of(file), false, n -> {});
                env.erasure().erase("test", List.of("a-0"), Erasure.Reason.ERASURE);
                assertEquals(0, env.erasure().purge(24).size(), "nobody is past retention");
                Publication external = env.publish();
                assertEquals(
                        Fixtures.releaseTables(reference.dir()),
                        Fixtures.releaseTables(external.dir()),
                        "the same release from a separate server");

                try (Server server =
                        Server.start(env, new Server.Options("127.0.0.1", 0, List.of(), true, 0, 0, null, false, 0))) {
                    String base = "http://127.0.0.1:" + server.port();
                    String before = call("GET", base + "/api/steps/BTS-MCO/next", null, null)
                            .body();

                    neo4j.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    HttpResponse<String> answer = call("GET", base + "/api/steps/BTS-MCO/next", null, null);
                    assertEquals(200, answer.statusCode(), "answers come from the release");
                    assertEquals(before, answer.body());
                    HttpResponse<String> erase = call(
                            "POST", base + "/api/admin/erase", adminKey, "{\"source\": \"test\", \"ids\": [\"b-0\"]}");
                    assertEquals(503, erase.statusCode(), erase.body());
                    assertEquals("10", erase.headers().firstValue("Retry-After").orElse(""));
                    assertTrue(
                            new com.fasterxml.jackson.databind.ObjectMapper()
                                    .readTree(erase.body())
                                    .has("error"),
                            erase.body());

                    neo4j = startNeo4j(neo4jHome, port);
                    HttpResponse<String> again = null;
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (System.nanoTime() < deadline) {
                        again = call(
                                "POST",
                                base + "/api/admin/erase",
                                adminKey,
                                "{\"source\": \"test\", \"ids\": [\"b-0\"]}");
                        if (again.statusCode() == 200) {
                            break;
                        }
                        Thread.sleep(500);
                    }
                    assertEquals(200, again.statusCode(), "the server recovers by itself: " + again.body());
                    assertTrue(again.body().contains("\"found\":true"), again.body());
                }
            }

            // A key rotation through neo4j://: every pseudonym re-keyed, the same numbers, and an erasure by
            // the source's identifier still finds its person under the new key.
            Publication beforeRotation;
            try (Environment env = Environment.open(settings)) {
                beforeRotation = env.publish();
                fr.passerelle.lifecycle.KeyRotation.Result rotated = new fr.passerelle.lifecycle.KeyRotation(
                                env.db(), 10)
                        .rotate(env.key(), settings.keyFileOrDefault());
                assertEquals(env.people(), rotated.persons(), "every record re-keyed");
            }
            try (Environment env = Environment.open(settings)) {
                long people = env.people();
                assertEquals(
                        Fixtures.releaseTables(beforeRotation.dir()),
                        Fixtures.releaseTables(env.publish().dir()),
                        "a rotation changes no number");
                assertTrue(
                        env.erasure()
                                .erase("test", List.of("a-1"), Erasure.Reason.ERASURE)
                                .get(0)
                                .found(),
                        "found under the new key");
                assertEquals(people - 1, env.people());
            }
        } finally {
            neo4j.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
