package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Noisy counts that still add up. Many destinations of 15 people each: each count moves by up to ±3
 * on its own, so their sum drifts away from the noisy number of leavers (it went above it on most of
 * these origins before the release fitted parts within their whole), and outcomes' situations away
 * from their cohort.
 */
class PartsWithinWholeTest {
    static final List<String> ORIGINS =
            List.of("BTS-MCO", "BTS-NDRC", "BTS-CG", "BTS-GPME", "BTS-SIO-SLAM", "BTS-SIO-SISR", "BUT-GEA", "BUT-TC");
    static final List<String> JOBS =
            List.of("D1301", "D1502", "D1505", "M1203", "M1204", "M1607", "M1602", "D1401", "D1402", "M1805");

    @TempDir
    Path dir;

    @Test
    void listedPartsNeverAddUpToMoreThanTheirWholeAndSharesToMoreThan100Percent() throws Exception {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        for (String origin : ORIGINS) {
            for (String job : JOBS) {
                for (int i = 0; i < 15; i++) {
                    String id = origin + "-" + job + "-" + i;
                    lines.add("{\"source\":\"test\",\"id\":\"" + id + "\",\"steps\":["
                            + "{\"kind\":\"education\",\"code\":\"" + origin
                            + "\",\"start\":\"2017-09\",\"end\":\"2019-06\"},"
                            + "{\"kind\":\"job\",\"code\":\"" + job + "\",\"start\":\"2019-0" + (1 + i % 9) + "\"}]}");
                }
            }
        }
        Fixtures.importer(db, 500).importFiles(List.of(Fixtures.write(dir, "parts.jsonl", lines)), false, n -> {});
        try (fr.passerelle.publish.ReleaseApi release = Fixtures.release(db, dir)) {
            Javalin app = ApiServer.create(Fixtures.services(release)).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app);
                int lists = 0;
                for (String origin : ORIGINS) {
                    JsonNode next = api.json("/api/steps/" + origin + "/next", 200);
                    assertEquals(JOBS.size(), next.get("next").size(), origin + ": every destination released");
                    PrivacyPropertyTest.partsWithinWhole(next, origin);
                    PrivacyPropertyTest.partsWithinWhole(api.json("/api/steps/" + origin + "/outcomes", 200), origin);
                    lists++;
                }
                for (String job : JOBS) {
                    PrivacyPropertyTest.partsWithinWhole(api.json("/api/steps/" + job + "/previous", 200), job);
                }
                assertTrue(lists == ORIGINS.size());
            } finally {
                app.stop();
            }
        }
    }
}
