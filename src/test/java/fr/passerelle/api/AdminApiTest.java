package fr.passerelle.api;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admin operations over HTTP behind hashed API keys with roles, and rate limiting per caller. */
class AdminApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Javalin app;
    fr.passerelle.publish.ReleaseApi release;
    ApiKeys keys;
    String adminKey;
    String readerKey;

    /**
     * The release the tests that write nothing share (access, rate limits, keys, the store's password): one
     * release store for them all instead of one each (a store costs seconds of Cypher planning).
     */
    @TempDir
    static Path sharedDir;

    static fr.passerelle.publish.ReleaseApi shared;

    @AfterAll
    static void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** A server on its own release: for the tests that erase, import, publish or break the store. */
    Javalin start(boolean readerKeyRequired, int perMinute) {
        Database db = TestNeo4j.reset();
        release = Fixtures.release(db, load(db, dir));
        return serve(db, release, readerKeyRequired, perMinute);
    }

    /** A server on the shared release, with this test's own keys and options. */
    Javalin startOnShared(boolean readerKeyRequired, int perMinute) {
        if (shared == null) {
            Database db = TestNeo4j.reset();
            shared = Fixtures.release(db, load(db, sharedDir));
        }
        return serve(TestNeo4j.db(), shared, readerKeyRequired, perMinute);
    }

    /** The 30 people every test starts from (a-0 .. a-29: BTS-MCO then D1301), imported into {@code db}. */
    static Path load(Database db, Path into) {
        List<String> lines = new ArrayList<>(people("a", 30, "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        Fixtures.importer(db, 50).importFiles(List.of(Fixtures.write(into, "admin.jsonl", lines)), false, n -> {});
        return into;
    }

    Javalin serve(Database db, fr.passerelle.publish.ReleaseApi release, boolean readerKeyRequired, int perMinute) {
        Services services = Fixtures.services(release);
        keys = ApiKeys.load(dir.resolve("keys").resolve("api-keys.csv"));
        adminKey = keys.create("ops", ApiKeys.Role.ADMIN, Fixtures.CLOCK);
        readerKey = keys.create("app1", ApiKeys.Role.READER, Fixtures.CLOCK);
        Admin admin = Fixtures.admin(db, release, dir);
        app = ApiServer.create(
                        services,
                        ApiServer.Options.defaults().withAccess(admin, keys, readerKeyRequired, perMinute),
                        new ArrayList<>())
                .start("127.0.0.1", 0);
        return app;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (release != null) {
            release.close();
        }
    }

    HttpResponse<String> call(
            String method, String path, String key, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminRoutesNeedAnAdminKey() throws Exception {
        start(false, 0);
        String erase = "{\"source\": \"test\", \"ids\": [\"a-0\"]}";
        HttpResponse<String> none = call("POST", "/api/admin/erase", null, "application/json", erase);
        assertEquals(401, none.statusCode());
        assertEquals(
                "an API key is needed", JSON.readTree(none.body()).get("error").asText());
        assertEquals(
                401,
                call("POST", "/api/admin/erase", "pk_not-a-key", "application/json", erase)
                        .statusCode());
        HttpResponse<String> reader = call("POST", "/api/admin/erase", readerKey, "application/json", erase);
        assertEquals(403, reader.statusCode());
        assertEquals("admin", JSON.readTree(reader.body()).get("needed").asText());
        List<String> everyone = Fixtures.ids("a", 30);
        assertEquals(
                Fixtures.path(List.of("BTS-MCO"), everyone),
                JSON.readTree(call("GET", "/api/steps/BTS-MCO", null, null, null)
                                .body())
                        .get("people")
                        .asLong());

        HttpResponse<String> done = call("POST", "/api/admin/erase", adminKey, "application/json", erase);
        assertEquals(200, done.statusCode(), done.body());
        JsonNode receipt = JSON.readTree(done.body()).get("receipts").get(0);
        assertTrue(receipt.get("found").asBoolean());
        // The record is gone at once; the figures wait for a release the policy allows (one erasure alone is not one).
        JsonNode pending = JSON.readTree(done.body()).get("publication");
        assertFalse(pending.get("latestNextPublication").isNull(), done.body());
        assertTrue(pending.get("effect").asText().contains("next release"), done.body());
        assertEquals(
                Fixtures.path(List.of("BTS-MCO"), everyone),
                JSON.readTree(call("GET", "/api/steps/BTS-MCO", null, null, null)
                                .body())
                        .get("people")
                        .asLong());
        JsonNode waiting = JSON.readTree(
                call("POST", "/api/admin/publish", adminKey, null, null).body());
        assertFalse(waiting.get("published").asBoolean(), waiting.toString());
        assertEquals("waiting", waiting.get("reason").asText());
        assertEquals(
                400,
                call("POST", "/api/admin/publish?force=yes", adminKey, null, null)
                        .statusCode());
        JsonNode forced = JSON.readTree(call("POST", "/api/admin/publish?force=true", adminKey, null, null)
                .body());
        assertTrue(forced.get("published").asBoolean(), forced.toString());
        assertEquals("forced", forced.get("reason").asText());
        // Forced, the release counts the 29 others (drawn afresh: the first release kept no state).
        assertEquals(
                Fixtures.path(List.of("BTS-MCO"), everyone.subList(1, 30)),
                JSON.readTree(call("GET", "/api/steps/BTS-MCO", null, null, null)
                                .body())
                        .get("people")
                        .asLong());
        assertEquals(
                400,
                call("POST", "/api/admin/erase", adminKey, "application/json", "{\"ids\": []}")
                        .statusCode());
        assertEquals(
                400,
                call("POST", "/api/admin/erase", adminKey, "application/json", "not json")
                        .statusCode());
    }

    @Test
    void importOverHttpIsStrictAndPublishAnswersTheVersion() throws Exception {
        start(false, 0);
        String good = String.join("\n", people("n", 3, "education:BTS-MCO:2019-09", "job:D1301:2021-09"));
        HttpResponse<String> refused = call(
                "POST",
                "/api/admin/import",
                adminKey,
                "application/x-ndjson",
                good + "\n{\"source\": \"test\", \"id\": \"x\", \"steps\": [{\"kind\": \"job\", \"code\": \"NOPE\"}]}");
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(JSON.readTree(refused.body()).get("summary").asText().contains("NOPE"));
        assertEquals(
                Fixtures.path(List.of("BTS-MCO"), Fixtures.ids("a", 30)),
                JSON.readTree(call("GET", "/api/steps/BTS-MCO", null, null, null)
                                .body())
                        .get("people")
                        .asLong(),
                "nothing written");
        HttpResponse<String> imported = call("POST", "/api/admin/import", adminKey, "application/x-ndjson", good);
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(3, JSON.readTree(imported.body()).get("added").asInt());
        assertEquals(
                415,
                call("POST", "/api/admin/import", adminKey, "text/plain", good).statusCode());
        HttpResponse<String> published = call("POST", "/api/admin/publish?force=true", adminKey, null, null);
        assertEquals(200, published.statusCode(), published.body());
        assertTrue(JSON.readTree(published.body()).get("version").asLong() >= 2);
        assertEquals(200, call("POST", "/api/admin/purge", adminKey, null, null).statusCode());
    }

    @Test
    void readsCanRequireAReaderKeyWhileHealthAndTheRegisterStayOpen() throws Exception {
        startOnShared(true, 0);
        assertEquals(
                401, call("GET", "/api/steps/BTS-MCO/next", null, null, null).statusCode());
        assertEquals(
                200,
                call("GET", "/api/steps/BTS-MCO/next", readerKey, null, null).statusCode());
        assertEquals(
                200,
                call("GET", "/api/steps/BTS-MCO/next", null, null, null, "X-Api-Key", adminKey)
                        .statusCode());
        assertEquals(200, call("GET", "/api/health", null, null, null).statusCode());
        assertEquals(200, call("GET", "/api/privacy", null, null, null).statusCode());
    }

    @Test
    void rateLimitIsPerKeyAndNotPerClientHeader() throws Exception {
        startOnShared(false, 5);
        for (int i = 0; i < 5; i++) {
            // A client cannot get a fresh bucket by claiming another address.
            assertEquals(
                    200,
                    call("GET", "/api/steps?q=bts", null, null, null, "X-Forwarded-For", "10.0.0." + i)
                            .statusCode());
        }
        HttpResponse<String> limited = call("GET", "/api/steps?q=bts", null, null, null, "X-Forwarded-For", "10.9.9.9");
        assertEquals(429, limited.statusCode());
        assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0")) >= 1);
        assertEquals(5, JSON.readTree(limited.body()).get("limitPerMinute").asInt());
        assertEquals(
                200, call("GET", "/api/steps?q=bts", readerKey, null, null).statusCode(), "a key has its own bucket");
        // An orientation app's key can carry its own, larger limit (apikey create --rate-limit N).
        String appKey = keys.create("classroom-app", ApiKeys.Role.READER, 12, Fixtures.CLOCK);
        for (int i = 0; i < 12; i++) {
            assertEquals(
                    200, call("GET", "/api/steps?q=bts", appKey, null, null).statusCode(), "call " + i);
        }
        HttpResponse<String> appLimited = call("GET", "/api/steps?q=bts", appKey, null, null);
        assertEquals(429, appLimited.statusCode());
        assertEquals(12, JSON.readTree(appLimited.body()).get("limitPerMinute").asInt());
        assertTrue(
                Files.readString(dir.resolve("keys").resolve("api-keys.csv")).contains(",12\n"),
                "the limit is stored with the key");
    }

    @Test
    void theApisReleaseStoreWantsAPasswordToo() {
        startOnShared(false, 0);
        for (org.neo4j.driver.AuthToken token : List.of(
                org.neo4j.driver.AuthTokens.none(),
                org.neo4j.driver.AuthTokens.basic("neo4j", "neo4j"),
                org.neo4j.driver.AuthTokens.basic("api", "guess-the-password"))) {
            try (org.neo4j.driver.Driver driver = org.neo4j.driver.GraphDatabase.driver(shared.boltUri(), token)) {
                org.junit.jupiter.api.Assertions.assertThrows(
                        org.neo4j.driver.exceptions.AuthenticationException.class, driver::verifyConnectivity);
            }
        }
    }

    @Test
    void anUnexpectedFailureIsA500WithAnIdAndNoInternalText() throws Exception {
        start(false, 0);
        release.close();
        HttpResponse<String> broken = call("GET", "/api/steps/BTS-MCO/next", null, null, null);
        assertEquals(500, broken.statusCode(), broken.body());
        JsonNode body = JSON.readTree(broken.body());
        assertEquals("internal error", body.get("error").asText());
        assertTrue(body.get("id").asText().matches("[0-9a-f-]{36}"), broken.body());
        assertEquals(3, body.size(), "nothing but the error, its id and its sentence: " + broken.body());
        assertEquals(
                "Internal error: quote the id " + body.get("id").asText() + " to the service's operator.",
                body.get("message").asText());
        release = null;
    }

    @Test
    void keysAreStoredHashedAndOwnerOnly() throws Exception {
        startOnShared(false, 0);
        Path file = dir.resolve("keys").resolve("api-keys.csv");
        String text = Files.readString(file);
        assertFalse(text.contains(adminKey) || text.contains(readerKey));
        assertTrue(text.contains(fr.passerelle.privacy.Digest.sha256Hex(adminKey)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(keys.revoke("app1"));
        assertEquals(
                401, call("POST", "/api/admin/purge", readerKey, null, null).statusCode(), "revoked: unknown now");
        assertTrue(ApiKeys.load(file).find(readerKey).isEmpty(), "a revoked key is gone");
    }
}
