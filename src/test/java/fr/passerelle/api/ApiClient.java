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

/** Real HTTP against a started app. */
final class ApiClient {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    private final Javalin app;

    ApiClient(Javalin app) {
        this.app = app;
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(expectedStatus, response.statusCode(), path + " -> " + response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"), path);
        return JSON.readTree(response.body());
    }
}
