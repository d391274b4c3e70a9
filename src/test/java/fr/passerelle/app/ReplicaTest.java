package fr.passerelle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.Register;
import fr.passerelle.publish.Publication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stateless replicas ({@code serve --release DIR}): two on one release answer byte for byte alike;
 * a newer release written into the folder is taken by each without a failed request meanwhile; a
 * half-built release is never served.
 */
class ReplicaTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> PATHS = List.of(
            "/api/health",
            "/api/steps?q=bts",
            "/api/steps/BTS-MCO",
            "/api/steps/BTS-MCO/next",
            "/api/steps/BTS-MCO/next?after=BAC-STMG",
            "/api/steps/BTS-MCO/next?since=24",
            "/api/steps/D1301/previous",
            "/api/routes?from=BAC-STMG&to=D1301",
            "/api/steps/BTS-MCO/outcomes",
            "/api/privacy",
            "/api/steps/NOPE/next",
            "/");

    static Replica.Options options(Path releases) {
        return new Replica.Options(
                releases,
                "127.0.0.1",
                0,
                List.of(),
                0,
                Duration.ofMillis(300),
                new Register.Settings("replica", 24, "REGION"));
    }

    static HttpResponse<String> get(Replica r, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoReplicasAnswerAlikeAndFollowANewRelease(@TempDir Path dir) throws Exception {
        Database db = TestNeo4j.reset();
        Path releases = dir.resolve("published");
        Fixtures.importer(db, 100)
                .importFiles(
                        List.of(Fixtures.write(
                                dir,
                                "a.jsonl",
                                Fixtures.people(
                                        "a",
                                        30,
                                        "education:BAC-STMG:2016-09",
                                        "education:BTS-MCO:2018-09",
                                        "job:D1301:2020-09"))),
                        false,
                        n -> {});
        Publication first = Fixtures.publisher(db).publish(releases);
        // A half-built release beside it (a publication in progress, or one killed midway) is ignored.
        Files.createDirectories(releases.resolve((first.version() + 100) + ".building"));
        try (Replica a = Replica.start(options(releases));
                Replica b = Replica.start(options(releases))) {
            for (String path : PATHS) {
                HttpResponse<String> ra = get(a, path);
                HttpResponse<String> rb = get(b, path);
                assertEquals(ra.statusCode(), rb.statusCode(), path);
                assertEquals(ra.body(), rb.body(), "byte for byte: " + path);
            }
            // A replica holds no key and no writer: an admin call is refused before it reaches anything.
            HttpResponse<String> publish = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port() + "/api/admin/publish"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, publish.statusCode(), publish.body());
            String before = get(a, "/api/steps/BTS-MCO/next").body();

            // Meanwhile, the writer imports more people and publishes: each replica takes the new version.
            AtomicBoolean asking = new AtomicBoolean(true);
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            Thread client = new Thread(() -> {
                while (asking.get()) {
                    try {
                        if (get(a, "/api/steps/BTS-MCO/next").statusCode() == 200) {
                            answered.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            client.start();
            Fixtures.importer(db, 100)
                    .importFiles(
                            List.of(Fixtures.write(
                                    dir,
                                    "b.jsonl",
                                    Fixtures.people(
                                            "b",
                                            25,
                                            "education:BAC-STMG:2016-09",
                                            "education:BTS-MCO:2018-09",
                                            "job:D1502:2020-09"))),
                            false,
                            n -> {});
            Publication second = Fixtures.publisher(db).publish(releases);
            assertTrue(second.version() > first.version());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((a.publication().version() != second.version()
                            || b.publication().version() != second.version())
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            asking.set(false);
            client.join();
            assertEquals(second.version(), a.publication().version());
            assertEquals(second.version(), b.publication().version());
            assertEquals(0, failed.get(), "no request failed during the switch (" + answered.get() + " answered)");
            assertTrue(answered.get() > 0);
            String after = get(a, "/api/steps/BTS-MCO/next").body();
            assertNotEquals(before, after, "the new release answers");
            assertTrue(after.contains("D1502"), after);
            for (String path : PATHS) {
                assertEquals(get(a, path).body(), get(b, path).body(), "byte for byte after the switch: " + path);
            }
        }
    }

    @Test
    void aFolderWithoutACompleteReleaseIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("published").resolve("3.building"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Replica.start(options(dir.resolve("published"))));
        assertTrue(e.getMessage().startsWith("no complete release in "), e.getMessage());
    }
}
