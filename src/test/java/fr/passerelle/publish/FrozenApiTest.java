package fr.passerelle.publish;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.Fixtures;
import fr.passerelle.api.ApiServer;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.graph.Database;
import fr.passerelle.graph.EmbeddedNeo4j;
import fr.passerelle.graph.Schema;
import fr.passerelle.ingest.Erasure;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API answers from the last publication's snapshot: adding or erasing one person changes
 * nothing the API says until the next publication, which then shows every change at once.
 */
class FrozenApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answersDoNotMoveBetweenPublications(@TempDir Path dir) throws Exception {
        try (EmbeddedNeo4j live = EmbeddedNeo4j.start(dir.resolve("live"), 0, 32L << 20);
             Database db = Database.connect(live.boltUri(), null, null, "neo4j", Duration.ofSeconds(30))) {
            Schema.apply(db);
            db.writeOne("import/catalogue-upsert", Map.of("steps", Catalogue.bundled().asRows()));
            List<String> lines = new ArrayList<>(people("a", 25, "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
            lines.addAll(people("b", 15, "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
            Fixtures.importer(db, 50).importFiles(List.of(Fixtures.write(dir, "a.jsonl", lines)), false, n -> { });
            try (FrozenApi frozen = FrozenApi.start(live, dir.resolve("snapshots"), 32L << 20)) {
                Javalin app = ApiServer.create(Services.over(frozen.database(), Thresholds.defaults(), Fixtures.CLOCK, Fixtures.REGISTER))
                        .start("127.0.0.1", 0);
                try {
                    JsonNode before = get(app, "/api/steps/BTS-MCO/next");
                    assertEquals(40, before.get("peopleLeaving").asInt());
                    // The live store keeps taking writes (the copy restarted it; the driver reconnected).
                    Fixtures.importer(db, 50).importFiles(List.of(Fixtures.write(dir, "b.jsonl",
                            people("c", 1, "education:BTS-MCO:2019-09", "job:D1301:2021-09"))), false, n -> { });
                    assertEquals(withoutTime(before), withoutTime(get(app, "/api/steps/BTS-MCO/next")), "one more person: no visible change");
                    new Erasure(db, Fixtures.KEY, Fixtures.CLOCK).erase("test", List.of("a-0", "a-1"), Erasure.Reason.ERASURE);
                    assertEquals(withoutTime(before), withoutTime(get(app, "/api/steps/BTS-MCO/next")), "two fewer: no visible change");
                    for (String path : List.of("/api/steps/D1301", "/api/steps/D1301/previous", "/api/routes?from=BTS-MCO&to=D1301",
                            "/api/steps/BTS-MCO/next?region=11", "/api/health")) {
                        JsonNode a = get(app, path);
                        assertEquals(withoutTime(a), withoutTime(get(app, path)), path);
                    }

                    frozen.refresh();
                    JsonNode after = get(app, "/api/steps/BTS-MCO/next");
                    assertEquals(39, after.get("peopleLeaving").asInt(), "40 + 1 - 2, all at once");
                    assertTrue(after.get("evidence").get("datasetVersion").asLong() > before.get("evidence").get("datasetVersion").asLong());
                    assertNotEquals(withoutTime(before), withoutTime(after));
                } finally {
                    app.stop();
                }
            }
        }
    }

    static JsonNode get(Javalin app, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    static JsonNode withoutTime(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        if (copy.has("evidence")) {
            ((ObjectNode) copy.get("evidence")).remove("generatedAt");
        }
        return copy;
    }
}
