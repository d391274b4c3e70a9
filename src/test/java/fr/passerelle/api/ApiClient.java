package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Real HTTP against a started app. */
final class ApiClient {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    private final Javalin app;
    private final String key;

    ApiClient(Javalin app) {
        this(app, null);
    }

    /** A client sending {@code key} with every request (null: none). */
    ApiClient(Javalin app, String key) {
        this.app = app;
        this.key = key;
    }

    /** The shared demo release served as serve does: answers cached per release, with their validators. */
    static Javalin serveDemo() {
        fr.passerelle.publish.ReleaseApi release = fr.passerelle.Fixtures.demoRelease();
        return ApiServer.create(
                        fr.passerelle.Fixtures.services(release),
                        new ApiServer.Options(List.of(), release::release),
                        new java.util.ArrayList<>())
                .start("127.0.0.1", 0);
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(expectedStatus, response.statusCode(), path + " -> " + response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"), path);
        return JSON.readTree(response.body());
    }

    /** One question of {@link #askAll}: may throw what asking over HTTP or Bolt throws. */
    interface Ask<T, R> {
        R apply(T item) throws Exception;
    }

    /**
     * {@code ask} applied to every item three at a time, the results in the items' order: an answer does not
     * depend on the order questions are asked in, and the server answers concurrent readers, so an attack
     * that asks thousands of questions need not ask them one by one. An assertion failing inside fails the
     * caller as it is.
     */
    static <T, R> List<R> askAll(List<T> items, Ask<T, R> ask) {
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(3);
        try {
            return pool.submit(() -> items.parallelStream()
                            .map(item -> {
                                try {
                                    return ask.apply(item);
                                } catch (Exception e) {
                                    throw new IllegalStateException(String.valueOf(item), e);
                                }
                            })
                            .toList())
                    .join();
        } finally {
            pool.shutdown();
        }
    }
}
