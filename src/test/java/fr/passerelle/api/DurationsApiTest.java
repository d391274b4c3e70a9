package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "How long until": the months from the end of a step to the start of the next (what people mean),
 * beside the months from start to start (the step itself included), over HTTP on a real release.
 */
class DurationsApiTest {
    static Javalin app;
    static fr.passerelle.publish.ReleaseApi release;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start(@TempDir Path dir) {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        // A BTS from September 2018 to June 2020, then a job in October 2020: 3 months without anything
        // in between (July, August, September), 25 months from start to start.
        for (int i = 0; i < 30; i++) {
            lines.add(person("ended-" + i, "2020-06", "2020-10"));
        }
        // The same road without an end date: start to start only.
        for (int i = 0; i < 15; i++) {
            lines.add(person("open-" + i, null, "2020-12"));
        }
        // A job taken before the BTS ended (an apprenticeship contract kept): 0 months after the end.
        for (int i = 0; i < 14; i++) {
            lines.add("{\"source\":\"test\",\"id\":\"early-" + i + "\",\"steps\":["
                    + "{\"kind\":\"education\",\"code\":\"BTS-CG\",\"start\":\"2018-09\",\"end\":\"2020-06\"},"
                    + "{\"kind\":\"job\",\"code\":\"M1203\",\"start\":\"2020-03\"}]}");
        }
        // 16 people on a road, 5 of them with an end date: too few for a median of the wait.
        for (int i = 0; i < 16; i++) {
            lines.add("{\"source\":\"test\",\"id\":\"few-" + i + "\",\"steps\":["
                    + "{\"kind\":\"education\",\"code\":\"BTS-GPME\",\"start\":\"2018-09\""
                    + (i < 5 ? ",\"end\":\"2020-06\"" : "") + "},"
                    + "{\"kind\":\"job\",\"code\":\"M1604\",\"start\":\"2020-09\"}]}");
        }
        Fixtures.importer(db, 100).importFiles(List.of(Fixtures.write(dir, "durations.jsonl", lines)), false, n -> {});
        release = Fixtures.release(db, dir);
        app = ApiServer.create(Fixtures.services(release)).start("127.0.0.1", 0);
    }

    private static String person(String id, String end, String jobStart) {
        return "{\"source\":\"test\",\"id\":\"" + id + "\",\"steps\":["
                + "{\"kind\":\"education\",\"code\":\"BTS-MCO\",\"start\":\"2018-09\""
                + (end == null ? "" : ",\"end\":\"" + end + "\"") + "},"
                + "{\"kind\":\"job\",\"code\":\"D1301\",\"start\":\"" + jobStart + "\"}]}";
    }

    @AfterAll
    static void stop() {
        app.stop();
        release.close();
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void theWaitAfterTheEndIsPublishedBesideTheStartToStartMonths() throws Exception {
        JsonNode job = json("/api/steps/BTS-MCO/next").get("next").get(0);
        assertEquals("D1301", job.get("step").get("id").asText());
        assertEquals(3, job.get("medianMonthsAfterEnd").asInt(), "only the 30 people with an end date count");
        // Start to start: 30 people at 25 months and 15 at 27: the lower median is 25.
        assertEquals(25, job.get("medianMonthsStartToStart").asInt());
        assertEquals(25, job.get("medianMonths").asInt(), "the old name keeps its old meaning");
        JsonNode came = json("/api/steps/D1301/previous").get("previous").get(0);
        assertEquals(3, came.get("medianMonthsAfterEnd").asInt());
    }

    @Test
    void aNextStepBegunBeforeTheEndIsZeroMonthsAfterIt() throws Exception {
        JsonNode job = json("/api/steps/BTS-CG/next").get("next").get(0);
        assertEquals(0, job.get("medianMonthsAfterEnd").asInt());
        assertEquals(18, job.get("medianMonthsStartToStart").asInt());
    }

    @Test
    void fewerThanKPeopleWithAnEndDateGiveNoWait() throws Exception {
        JsonNode job = json("/api/steps/BTS-GPME/next").get("next").get(0);
        assertEquals("M1604", job.get("step").get("id").asText());
        assertNull(job.get("medianMonthsAfterEnd").numberValue(), "5 dated people are fewer than k");
        assertEquals(24, job.get("medianMonthsStartToStart").asInt());
    }
}
