package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.publish.CellName;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark over HTTP on a real release: four BTS of level 5, two of the professional field M18
 * (SIO SLAM and SISR), one more of the grand domain M (CG) and one of domain D (MCO), each with known
 * leavers in a job, in further study or elsewhere 12 months after; the expected family figures are
 * computed here from the people, their record keys and the cells' names, not read from the publisher.
 */
class BenchmarkApiTest {
    static Javalin app;
    static ApiClient api;

    /** Group -> (size, the BTS, what followed it in September 2020: a job, LIC-INFO or nothing). */
    static final Map<String, Object[]> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("slam-job", new Object[] {40, "BTS-SIO-SLAM", "job:M1805"});
        GROUPS.put("slam-study", new Object[] {30, "BTS-SIO-SLAM", "education:LIC-INFO"});
        GROUPS.put("sisr-job", new Object[] {12, "BTS-SIO-SISR", "job:M1810"});
        GROUPS.put("sisr-study", new Object[] {20, "BTS-SIO-SISR", "education:LIC-INFO"});
        GROUPS.put("ciel-job", new Object[] {3, "BTS-CIEL", "job:M1810"});
        GROUPS.put("cg-job", new Object[] {30, "BTS-CG", "job:M1203"});
        GROUPS.put("cg-other", new Object[] {12, "BTS-CG", ""});
        GROUPS.put("mco-job", new Object[] {25, "BTS-MCO", "job:D1505"});
        GROUPS.put("mco-other", new Object[] {20, "BTS-MCO", ""});
    }

    @BeforeAll
    static void start(@TempDir Path dir) {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        GROUPS.forEach((group, g) -> {
            for (int i = 0; i < (int) g[0]; i++) {
                String bts = step("education", (String) g[1], "2018-09", "2020-06");
                String next = ((String) g[2]).isEmpty()
                        ? ""
                        : "," + step(((String) g[2]).split(":")[0], ((String) g[2]).split(":")[1], "2020-09", null);
                lines.add("{\"source\":\"test\",\"id\":\"" + group + "-" + i + "\",\"steps\":[" + bts + next + "]}");
            }
        });
        // One person through two BTS of the field, then a job: counted once in each family, at the first BTS they left
        // (in further study 12 months after it), never again in a job after the second.
        lines.add("{\"source\":\"test\",\"id\":\"twice-0\",\"steps\":["
                + step("education", "BTS-SIO-SLAM", "2016-09", "2018-06") + ","
                + step("education", "BTS-SIO-SISR", "2018-09", "2020-06") + ","
                + step("job", "M1805", "2020-09", null) + "]}");
        Fixtures.importer(db, 100).importFiles(List.of(Fixtures.write(dir, "bench.jsonl", lines)), false, n -> {});
        app = ApiServer.create(Fixtures.services(Fixtures.release(db, dir))).start("127.0.0.1", 0);
        api = new ApiClient(app);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static String step(String kind, String code, String start, String end) {
        return "{\"kind\":\"" + kind + "\",\"code\":\"" + code + "\",\"start\":\"" + start + "\""
                + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}";
    }

    private static List<String> ids(String group) {
        return Fixtures.ids(group, (int) GROUPS.get(group)[0]);
    }

    /** The released family figures, computed from the people: cohort raised to its parts' sum, as released. */
    private static void assertFamily(JsonNode family, String name, Map<String, List<String>> bySituation) {
        assertEquals(name, family.get("name").asText());
        long parts = 0;
        List<String> everyone = new ArrayList<>();
        for (String situation : List.of("job", "study", "other")) {
            List<String> people = bySituation.getOrDefault(situation, List.of());
            everyone.addAll(people);
            Long expected =
                    people.isEmpty() ? null : Fixtures.released(CellName.familyOutcome(name, 12, situation), people);
            JsonNode figure = family.get(situation);
            if (expected == null) {
                assertTrue(figure.isNull(), name + " " + situation + ": " + figure);
            } else {
                assertEquals(expected.longValue(), figure.get("people").asLong(), name + " " + situation);
                parts += expected;
            }
        }
        long cohort = Math.max(Fixtures.released(CellName.familyCohort(name, 12), everyone), parts);
        assertEquals(cohort, family.get("people").asLong(), name + " cohort");
    }

    @SafeVarargs
    private static List<String> all(List<String>... groups) {
        List<String> all = new ArrayList<>();
        for (List<String> g : groups) {
            all.addAll(g);
        }
        return all;
    }

    @Test
    void aProgrammeStandsBesideItsFieldItsDomainAndItsLevelCountedFromPeople() throws Exception {
        JsonNode b = api.json("/api/steps/BTS-SIO-SLAM/benchmark?months=12", 200);
        assertEquals(12, b.get("months").asInt());
        JsonNode families = b.get("families");
        assertEquals(3, families.size(), families.toString());
        List<String> twice = List.of("twice-0");
        assertFamily(
                families.get(0),
                "field:5:M18",
                Map.of(
                        "job", all(ids("slam-job"), ids("sisr-job"), ids("ciel-job")),
                        "study", all(ids("slam-study"), ids("sisr-study"), twice)));
        assertEquals("field", families.get(0).get("group").asText());
        assertEquals(4, families.get(0).get("steps").asInt(), "SLAM, SISR, CIEL and the DWWM title");
        assertFamily(
                families.get(1),
                "domain:5:M",
                Map.of(
                        "job", all(ids("slam-job"), ids("sisr-job"), ids("ciel-job"), ids("cg-job")),
                        "study", all(ids("slam-study"), ids("sisr-study"), twice),
                        "other", ids("cg-other")));
        assertFamily(
                families.get(2),
                "level:5",
                Map.of(
                        "job", all(ids("slam-job"), ids("sisr-job"), ids("ciel-job"), ids("cg-job"), ids("mco-job")),
                        "study", all(ids("slam-study"), ids("sisr-study"), twice),
                        "other", all(ids("cg-other"), ids("mco-other"))));
        assertTrue(families.get(2).get("label").asText().contains("bac + 2"));

        // The step itself: its released outcomes, the same figures as /outcomes.
        JsonNode outcomes = api.json("/api/steps/BTS-SIO-SLAM/outcomes?months=12", 200)
                .get("outcomes")
                .get(0);
        JsonNode self = b.get("self");
        assertEquals(outcomes.get("people").asLong(), self.get("people").asLong());
        long job = 0;
        for (JsonNode s : outcomes.get("situations")) {
            if (s.get("situation").asText().equals("job")) {
                job += s.get("people").asLong();
            }
        }
        assertEquals(job, self.get("job").get("people").asLong());

        // Its similar steps, with their own released figures; its position against the level (71 people: 40 in a
        // job, 31 in study, against a level at 110 and 51 of 193).
        assertTrue(
                b.get("similar").toString().contains("BTS-SIO-SISR"),
                b.get("similar").toString());
        JsonNode position = b.get("position");
        assertEquals("level:5", position.get("against").asText());
        assertEquals("close", position.get("employment").asText());
        assertEquals("above", position.get("study").asText());
        assertEquals(
                "Employment close to the average for its level, further study above the average.",
                position.get("quadrant").asText());
        assertEquals(
                "Insertion dans l'emploi proche de la moyenne de son niveau, poursuite d'études au-dessus de la moyenne.",
                api.json("/api/steps/BTS-SIO-SLAM/benchmark?months=12&lang=fr", 200)
                        .get("position")
                        .get("quadrant")
                        .asText());
        assertTrue(b.get("reasons").isEmpty(), b.get("reasons").toString());
    }

    @Test
    void aProgrammeTooThinToShowFallsBackToItsFamilyAndSaysSo() throws Exception {
        JsonNode at = api.json("/api/steps/BTS-CIEL/outcomes?months=12", 200)
                .get("outcomes")
                .get(0);
        assertTrue(at.get("people").isNull(), "3 people: withheld");
        JsonNode wider = at.get("wider");
        assertEquals("field:5:M18", wider.get("name").asText());
        JsonNode field = api.json("/api/steps/BTS-SIO-SLAM/benchmark?months=12", 200)
                .get("families")
                .get(0);
        assertEquals(field, wider, "the same released family figures as the benchmark");
        assertTrue(at.get("scope").get("used").asText().contains("field:5:M18"), at.toString());
        assertTrue(at.get("scope").get("why").asText().startsWith("fewer than k"), at.toString());
        // A programme with its own figures answers for itself.
        JsonNode slam = api.json("/api/steps/BTS-SIO-SLAM/outcomes?months=12", 200)
                .get("outcomes")
                .get(0);
        assertTrue(slam.get("wider").isNull());
        assertEquals(slam.get("scope").get("asked"), slam.get("scope").get("used"));
    }

    @Test
    void aJobHasNoFamilyAndSaysSo() throws Exception {
        JsonNode b = api.json("/api/steps/M1805/benchmark", 200);
        assertEquals(0, b.get("families").size());
        assertTrue(b.get("reasons").get("families").asText().contains("education steps with a level"));
        assertEquals(
                "months",
                api.json("/api/steps/BTS-SIO-SLAM/benchmark?months=5", 400)
                        .get("parameter")
                        .asText());
        assertEquals(
                "unknown step",
                api.json("/api/steps/BTS-NOPE/benchmark", 404).get("error").asText());
        assertEquals(
                "regoin",
                api.json("/api/steps/BTS-SIO-SLAM/benchmark?regoin=84", 400)
                        .get("parameter")
                        .asText());
    }
}
