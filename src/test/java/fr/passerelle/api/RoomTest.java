package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Fixtures;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A class on phones behind one school address: with a room pass (from the trainers' page's QR code) the room has a
 * budget of its own; without one, or with a pass the server never gave, the address's limit holds; an address opens
 * few rooms; the QR code says this server's page with the pass, and nothing else.
 */
class RoomTest {
    static final int PER_MINUTE = 20;
    static Javalin app;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = ApiServer.create(
                        Fixtures.services(Fixtures.demoRelease()),
                        new ApiServer.Options(List.of()).withAccess(null, ApiKeys.none(), false, PER_MINUTE),
                        new java.util.ArrayList<>())
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static HttpResponse<String> get(String path, String room) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (room != null) {
            request.header("X-Passerelle-Room", room);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> openRoom() throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/rooms"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRoomPassGivesTheClassItsOwnBudgetAndNothingElseDoes() throws Exception {
        HttpResponse<String> opened = openRoom();
        assertEquals(201, opened.statusCode(), opened.body());
        JsonNode room = json.readTree(opened.body());
        String pass = room.get("room").asText();
        assertEquals(PER_MINUTE * 10, room.get("perMinute").asInt());
        assertEquals(4, room.get("hours").asInt());
        // An address opens three rooms an hour (before its requests run out), then is told how long to wait.
        int created = 1;
        HttpResponse<String> last = null;
        for (int i = 0; i < 3; i++) {
            last = openRoom();
            created += last.statusCode() == 201 ? 1 : 0;
        }
        assertEquals(3, created);
        assertEquals(429, last.statusCode());
        assertEquals("too many rooms", json.readTree(last.body()).get("error").asText());
        // The class: ten phones' worth of requests through one address, every one answered.
        for (int i = 0; i < PER_MINUTE * 3; i++) {
            HttpResponse<String> r = get("/api/steps/BTS-MCO/next", pass);
            assertEquals(200, r.statusCode(), "request " + i + " with the room's pass: " + r.body());
        }
        // The same address without a pass (or with one the server never gave) keeps the address's limit.
        int refused = 0;
        for (int i = 0; i < PER_MINUTE + 5; i++) {
            refused += get("/api/steps/BTS-MCO", i % 2 == 0 ? null : "made-up-pass")
                                    .statusCode()
                            == 429
                    ? 1
                    : 0;
        }
        assertTrue(refused >= 4, "the address's limit holds without a valid pass: " + refused + " refused");
        // The room's own budget ends too.
        int roomRefused = 0;
        for (int i = 0; i < PER_MINUTE * 10; i++) {
            roomRefused += get("/api/steps/BTS-MCO", pass).statusCode() == 429 ? 1 : 0;
        }
        assertTrue(roomRefused > 0, "a room's budget is bounded");
    }

    @Test
    void theQrCodeSaysThisServersPageWithThePassAndNothingElse() throws Exception {
        // A fresh server: this test's address has opened no room there.
        Javalin other =
                ApiServer.create(Fixtures.services(Fixtures.demoRelease())).start("127.0.0.1", 0);
        try {
            String otherBase = "http://127.0.0.1:" + other.port();
            String pass = json.readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(otherBase + "/api/rooms"))
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .get("room")
                    .asText();
            String path = "/?view=next&step=BTS-MCO&eleves=1";
            HttpResponse<String> qr = http.send(
                    HttpRequest.newBuilder(URI.create(otherBase + "/salle/qr.svg?room=" + pass + "&path="
                                    + URLEncoder.encode(path, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, qr.statusCode(), qr.body());
            assertTrue(qr.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
            assertEquals(otherBase + path + "&salle=" + pass, decode(qr.body()));
            for (String bad : List.of("https://elsewhere.example/", "//elsewhere.example/?x", "/api/steps?x=1")) {
                HttpResponse<String> refused = http.send(
                        HttpRequest.newBuilder(URI.create(otherBase + "/salle/qr.svg?room=" + pass + "&path="
                                        + URLEncoder.encode(bad, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(400, refused.statusCode(), bad);
            }
            HttpResponse<String> unknown = http.send(
                    HttpRequest.newBuilder(URI.create(otherBase + "/salle/qr.svg?room=nope&path=%2F%3Fview%3Dnext"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, unknown.statusCode());
        } finally {
            other.stop();
        }
    }

    /** Reads the QR code back: the SVG's modules drawn as pixels, decoded by ZXing's reader. */
    static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find());
        int size = Integer.parseInt(box.group(1));
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        com.google.zxing.LuminanceSource source =
                new com.google.zxing.RGBLuminanceSource(size * scale, size * scale, pixels);
        return new com.google.zxing.qrcode.QRCodeReader()
                .decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source)))
                .getText();
    }
}
