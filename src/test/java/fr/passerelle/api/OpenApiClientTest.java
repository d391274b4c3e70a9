package fr.passerelle.api;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.client.api.DefaultApi;
import fr.passerelle.client.model.NextStep;
import fr.passerelle.client.model.NextSteps;
import fr.passerelle.client.model.Route;
import fr.passerelle.client.model.Routes;
import fr.passerelle.graph.Database;
import fr.passerelle.publish.ReleaseApi;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An orientation app's view: a Java client generated from the OpenAPI document by openapi-generator
 * (at build time, see pom.xml) calls {@code next} and {@code routes} on a real server and reads the
 * same answers as raw HTTP does.
 */
class OpenApiClientTest {
    @Test
    void aGeneratedClientGetsTheSameAnswersAsRawHttp(@TempDir Path dir) throws Exception {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        lines.addAll(people("r1", 30, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        lines.addAll(people("r2", 25, "education:BAC-STMG:2016-09", "education:BTS-NDRC:2018-09", "job:D1301:2021-01"));
        lines.addAll(
                people("p1", 22, "education:BAC-PRO-MCV:2015-09", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        Fixtures.importer(db, 100).importFiles(List.of(Fixtures.write(dir, "client.jsonl", lines)), false, n -> {});
        try (ReleaseApi release = Fixtures.release(db, dir)) {
            Javalin app = ApiServer.create(Fixtures.services(release)).start("127.0.0.1", 0);
            try {
                ApiClient raw = new ApiClient(app);
                fr.passerelle.client.ApiClient generated = new fr.passerelle.client.ApiClient();
                generated.updateBaseUri("http://127.0.0.1:" + app.port());
                DefaultApi api = new DefaultApi(generated);

                NextSteps next = api.getNextSteps("BTS-MCO", null, null, null, null, null, null, null, null, null);
                JsonNode expected = raw.json("/api/steps/BTS-MCO/next", 200);
                assertEquals(expected.get("peopleLeaving").asText(), String.valueOf(next.getPeopleLeaving()));
                assertEquals(expected.get("next").size(), next.getNext().size());
                for (int i = 0; i < next.getNext().size(); i++) {
                    NextStep n = next.getNext().get(i);
                    JsonNode e = expected.get("next").get(i);
                    assertEquals(e.get("step").get("id").asText(), n.getStep().getId());
                    assertEquals(e.get("people").asText(), String.valueOf(n.getPeople()));
                    assertEquals(
                            e.get("share").get("value").asDouble(),
                            n.getShare().getValue().doubleValue(),
                            1e-12);
                }
                assertEquals(
                        expected.get("evidence").get("query").asText(),
                        next.getEvidence().getQuery());
                NextSteps after =
                        api.getNextSteps("BTS-MCO", "BAC-PRO-MCV", null, null, null, null, null, null, null, null);
                NextSteps since = api.getNextSteps("BTS-MCO", null, null, null, null, null, 30, null, null, null);
                JsonNode rawSince = raw.json("/api/steps/BTS-MCO/next?since=30", 200);
                assertEquals(
                        rawSince.get("filters").get("sinceRequested").asText(),
                        since.getFilters().getSinceRequested());
                assertEquals(rawSince.get("peopleLeaving").asText(), String.valueOf(since.getPeopleLeaving()));
                assertEquals(
                        raw.json("/api/steps/BTS-MCO/next?after=BAC-PRO-MCV", 200)
                                .get("peopleLeaving")
                                .asText(),
                        String.valueOf(after.getPeopleLeaving()));

                Routes routes = api.getRoutes("BAC-STMG", "D1301", 4, 5, null);
                JsonNode expectedRoutes = raw.json("/api/routes?from=BAC-STMG&to=D1301&maxSteps=4&limit=5", 200);
                assertFalse(routes.getObserved().isEmpty());
                assertEquals(
                        expectedRoutes.get("observed").size(),
                        routes.getObserved().size());
                for (int i = 0; i < routes.getObserved().size(); i++) {
                    Route r = routes.getObserved().get(i);
                    JsonNode e = expectedRoutes.get("observed").get(i);
                    assertEquals(e.get("people").asText(), String.valueOf(r.getPeople()));
                    List<String> ids = new ArrayList<>();
                    e.get("steps").forEach(s -> ids.add(s.get("id").asText()));
                    assertEquals(
                            ids,
                            r.getSteps().stream()
                                    .map(fr.passerelle.client.model.StepRef::getId)
                                    .toList());
                }
                assertEquals(
                        expectedRoutes.get("composed").size(),
                        routes.getComposed().size());
                // A bad parameter reaches the client as an ApiException carrying the documented 400.
                fr.passerelle.client.ApiException bad = org.junit.jupiter.api.Assertions.assertThrows(
                        fr.passerelle.client.ApiException.class, () -> api.getRoutes("BAC-STMG", "D1301", 9, 5, null));
                assertEquals(400, bad.getCode());
            } finally {
                app.stop();
            }
        }
    }
}
