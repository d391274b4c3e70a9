package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.DirectContributions;
import fr.passerelle.lifecycle.Erasure;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's own trajectory through an app, with consent, and its withdrawal by the token the person was given. */
class ContributionApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAppContributesWithConsentAndThePersonWithdrawsWithTheirToken(@TempDir Path dir) throws Exception {
        Database db = TestNeo4j.reset();
        ApiKeys keys = ApiKeys.load(dir.resolve("keys").resolve("api-keys.csv"));
        String appKey = keys.create("orientation-app", ApiKeys.Role.READER, Fixtures.CLOCK);
        DirectContributions contributions = new DirectContributions(
                db, Fixtures.importer(db, 10), new Erasure(db, Fixtures.KEY, Fixtures.CLOCK), Fixtures.CLOCK);
        fr.passerelle.publish.ReleaseApi release = Fixtures.release(db, dir);
        Javalin app = ApiServer.create(
                        Fixtures.services(release),
                        ApiServer.Options.defaults()
                                .withAccess(null, keys, false, 0)
                                .withSelfService(null, contributions),
                        new ArrayList<>())
                .start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + app.port();
            String body =
                    "{\"steps\": [{\"kind\": \"education\", \"code\": \"BTS-MCO\", \"start\": \"2018-09\", \"label\": \"Mon BTS, Jean Dupont\"},"
                            + " {\"kind\": \"job\", \"code\": \"D1301\", \"start\": \"2020-09\"}],"
                            + " \"consent\": {\"purposeVersion\": \"2026-11\", \"consentedAt\": \"2026-11-28T09:00:00Z\"}}";
            assertEquals(401, post(base, null, body).statusCode(), "an app must say who it is");
            HttpResponse<String> bad = post(base, appKey, body.replace("D1301", "X9999"));
            assertEquals(400, bad.statusCode(), bad.body());
            // The step is named as the body spells it, with the reader's reason (not the import's report).
            assertEquals("steps[1]", JSON.readTree(bad.body()).get("field").asText());
            assertEquals(
                    "step 2: unknown step code \"X9999\" (job)",
                    JSON.readTree(bad.body()).get("expected").asText());
            assertEquals(
                    400,
                    post(base, appKey, body.replace("2026-11-28T09:00:00Z", "yesterday"))
                            .statusCode());
            assertEquals(0L, people(db), "nothing half-written");

            HttpResponse<String> accepted = post(base, appKey, body);
            assertEquals(201, accepted.statusCode(), accepted.body());
            String token = JSON.readTree(accepted.body()).get("token").asText();
            assertTrue(token.length() >= 40);
            assertEquals(1L, people(db));
            List<Map<String, Object>> consents =
                    db.driver().executableQuery("MATCH (c:Consent) RETURN c {.*} AS c").execute().records().stream()
                            .map(r -> r.get("c").asMap())
                            .toList();
            assertEquals(1, consents.size());
            assertEquals("orientation-app", consents.get(0).get("app"));
            assertEquals("2026-11", consents.get(0).get("purposeVersion"));
            assertFalse(consents.get(0).toString().contains(token), "only the token's hash is kept");
            String stored = db.driver()
                    .executableQuery("MATCH (p:Person) RETURN p {.*} AS p")
                    .execute()
                    .records()
                    .get(0)
                    .get("p")
                    .asMap()
                    .toString();
            assertTrue(stored.contains("contributions"), "under its own source");
            assertFalse(stored.contains("Dupont"), "minimised like any import");

            HttpResponse<String> withdrawn = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/contributions/" + token))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, withdrawn.statusCode(), withdrawn.body());
            JsonNode receipt = JSON.readTree(withdrawn.body()).get("receipt");
            assertTrue(receipt.get("found").asBoolean());
            assertEquals("consent_withdrawn", receipt.get("reason").asText());
            assertEquals(0L, people(db), "erased");
            assertEquals(
                    1L,
                    (long) db.read("person/all-do-not-collect", Map.of(), r -> r)
                            .size(),
                    "listed: never taken again");
            assertEquals(
                    404,
                    HTTP.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/contributions/" + token))
                                            .DELETE()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    "a token works once");
            // The register states contributions apart from collected data, from the next release.
            release.switchTo(Fixtures.publisher(db).publish(dir.resolve("after")));
            JsonNode register = JSON.readTree(HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/privacy"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertTrue(register.get("contributions").get("legalBasis").asText().startsWith("consentement"));
            assertEquals(
                    "fewer than 11",
                    register.get("contributions").get("withdrawn").asText(),
                    "one withdrawal is below k");
            assertFalse(
                    register.get("sources").toString().contains("contributions"), "not among the collected sources");
        } finally {
            app.stop();
            release.close();
        }
    }

    static long people(Database db) {
        return db.read("person/people-count", Map.of(), r -> r.get("people").asLong())
                .get(0);
    }

    static HttpResponse<String> post(String base, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/contributions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
