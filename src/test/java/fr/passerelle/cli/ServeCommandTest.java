package fr.passerelle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.ChildCommand;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --demo} on a new home, as a process: a line at once, a line per phase (the store, the demo
 * people and their load's phases, the first release), then the addresses; the health says the figures are
 * synthetic; SIGTERM stops it, and the next start serves the API's store it left, loading nothing. The phases'
 * timings are in the README (the full demo, measured alone).
 */
class ServeCommandTest {
    @Test
    void aFirstDemoStartSaysWhatItDoesPhaseByPhase(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path log = dir.resolve("home.log");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        Process serve = ChildCommand.start(
                home, "serve", "--demo", "--demo-people", "2000", "--no-analysts", "--port", Integer.toString(port));
        try {
            long firstLineMs = -1;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            String out = text(log);
            while (!out.contains("Passerelle is ready in")) {
                assertTrue(serve.isAlive(), "serve keeps running:\n" + out);
                assertTrue(System.nanoTime() < deadline, "serve --demo was not ready within 3 minutes:\n" + out);
                if (firstLineMs < 0 && out.contains("Passerelle: opening the person store in")) {
                    firstLineMs = (System.nanoTime() - t0) / 1_000_000;
                }
                Thread.sleep(50);
                out = text(log);
            }
            System.out.printf(
                    "serve --demo (2,000 people, a child JVM on the first JIT tier): first line after %d ms%n%s",
                    firstLineMs, out);
            // The first line comes before any work (JVM start included, on a busy test machine).
            assertTrue(firstLineMs >= 0 && firstLineMs < 10_000, "first line after " + firstLineMs + " ms");
            assertInOrder(
                    out,
                    "Passerelle: opening the person store in",
                    "Passerelle: store open after",
                    "Loading 2000 demo people...",
                    "people read: 2000; new: 2000",
                    "phases: read, normalise, aggregate and write CSV",
                    "restart and indexes",
                    "Passerelle: loading the newest release (published first if there is none) ...",
                    "Passerelle is ready in",
                    "with 2000 people.",
                    "Web page:    http://127.0.0.1:" + port + "/");
            // Nothing a user cannot act on (Jetty's class-path and resource warnings stay off).
            assertFalse(out.contains("Leaked") || out.contains("unexpected behavior"), out);

            HttpResponse<String> health = get(port, "/api/health");
            assertEquals(200, health.statusCode(), health.body());
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertTrue(body.get("synthetic").asBoolean(), "demo people only: " + health.body());
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(2, TimeUnit.MINUTES), "serve stops on SIGTERM");
        }
        assertTrue(Files.exists(home.resolve("neo4j")), "the store stays for the next start");
        assertTrue(Files.exists(home.resolve("api-store").resolve("1")), "and the API's store of release 1");

        // The next start serves the API's store the first one left, with nothing to load, and answers.
        int before = text(log).length();
        Process again = ChildCommand.start(home, "serve", "--no-analysts", "--port", Integer.toString(port));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            String out = text(log).substring(before);
            while (!out.contains("Passerelle is ready in")) {
                assertTrue(again.isAlive(), "serve keeps running:\n" + out);
                assertTrue(System.nanoTime() < deadline, "the restart was not ready within 2 minutes:\n" + out);
                Thread.sleep(50);
                out = text(log).substring(before);
            }
            assertInOrder(
                    out,
                    "Release 1: the API's store kept by the last start is served as it is",
                    "Passerelle is ready in",
                    "with 2000 people.");
            assertFalse(out.contains("Loading 2000 demo people") || out.contains("published (FIRST)"), out);
            HttpResponse<String> next = get(port, "/api/steps/BAC-STMG/next");
            assertEquals(200, next.statusCode(), next.body());
        } finally {
            again.destroy();
            assertTrue(again.waitFor(2, TimeUnit.MINUTES), "serve stops on SIGTERM");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            assertTrue(at >= 0, "\"" + part + "\" after position " + from + " in:\n" + text);
            from = at + part.length();
        }
    }

    private static String text(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
