package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.analyst.AnalystNeo4j;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
import fr.passerelle.catalog.StepKind;
import fr.passerelle.demo.DemoGenerator;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.Publisher;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The attacks a DPO asks about, on a realistic population (the demo generator) plus one person whose
 * trajectory nobody else shares:
 * <ul>
 *   <li>singling out: every endpoint and filter combination over every step, and nothing reveals that
 *       person's rare steps or paths;</li>
 *   <li>differencing across endpoints: a step's people, arrivals and departures, and the breakdowns of
 *       other endpoints, never subtract to a group of 1..k-1;</li>
 *   <li>averaging: every query asked twice gives the same answer;</li>
 *   <li>before/after publication: the published layer answers the same after adding or erasing one
 *       person until the next publication.</li>
 * </ul>
 */
class AttackTest {
    @TempDir
    Path dir;

    record Setup(Database db, Services services, List<String> rare, RawTrajectory unique) {
    }

    /** 3000 demo people, and one person through the two least used steps of the catalogue (one not used at all if possible). */
    Setup population() {
        Database db = TestNeo4j.reset();
        Catalogue catalogue = Catalogue.bundled();
        List<RawTrajectory> people = new ArrayList<>();
        new DemoGenerator(catalogue).generate(3000, 7).forEach(people::add);
        Map<String, Integer> use = new HashMap<>();
        for (RawTrajectory t : people) {
            t.steps().stream().map(RawStep::code).distinct().forEach(c -> use.merge(c, 1, Integer::sum));
        }
        List<String> rare = new ArrayList<>();
        for (StepKind kind : List.of(StepKind.EDUCATION, StepKind.JOB)) {
            rare.add(catalogue.steps().stream().filter(s -> s.kind() == kind && !s.code().startsWith("UNMAPPED-"))
                    .min(Comparator.comparingInt((CatalogueStep s) -> use.getOrDefault(s.code(), 0)).thenComparing(CatalogueStep::code))
                    .orElseThrow().code());
        }
        for (String r : rare) {
            assertTrue(use.getOrDefault(r, 0) < 3, r + " is used by " + use.get(r) + " demo people: not rare enough for the test");
        }
        RawTrajectory unique = new RawTrajectory("attack", "the-one", List.of(new RawStep("education", "BAC-STMG", "2012-09", null, "Bretagne"),
                new RawStep("education", rare.get(0), "2014-09", null, "Bretagne"), new RawStep("job", rare.get(1), "2016-09", null, "Bretagne"),
                new RawStep("job", "D1301", "2019-09", null, "Bretagne")), "test");
        List<RawTrajectory> all = new ArrayList<>(people);
        all.add(unique);
        Fixtures.importer(db, 2000).importRecords(all, n -> { });
        return new Setup(db, Services.over(db, Thresholds.defaults(), Fixtures.CLOCK, Fixtures.REGISTER), rare, unique);
    }

    @Test
    void singlingOutDifferencingAndAveraging() throws Exception {
        Setup s = population();
        Javalin app = ApiServer.create(s.services()).start("127.0.0.1", 0);
        try {
            ApiClient api = new ApiClient(app);
            Set<String> steps = Catalogue.bundled().steps().stream().map(CatalogueStep::code).collect(Collectors.toSet());
            List<String> paths = new ArrayList<>();
            for (String step : steps) {
                paths.add("/api/steps/" + step);
                paths.add("/api/steps/" + step + "/next");
                paths.add("/api/steps/" + step + "/previous");
                paths.add("/api/steps/" + step + "/similar");
            }
            for (String step : List.of("BAC-STMG", s.rare().get(0), s.rare().get(1), "D1301")) {
                for (String q : List.of("", "?region=53", "?from=2012&to=2014", "?kind=job", "?kind=education", "?after=BAC-STMG",
                        "?after=" + s.rare().get(0), "?region=53&from=2014")) {
                    paths.add("/api/steps/" + step + "/next" + q);
                }
                paths.add("/api/steps/" + step + "/outcomes?months=6,12,24");
                paths.add("/api/steps/" + step + "/reconversions?maxSteps=3");
                for (String to : List.of("BAC-STMG", s.rare().get(0), s.rare().get(1), "D1301")) {
                    if (!to.equals(step)) {
                        paths.add("/api/routes?from=" + step + "&to=" + to + "&maxSteps=4&limit=20");
                        paths.add("/api/bridges?from=" + step + "&to=" + to);
                    }
                }
                for (String domain : List.of("D", "M", "K", "J")) {
                    paths.add("/api/bridges?from=" + step + "&toDomain=" + domain);
                }
            }
            paths.add("/api/steps?q=" + s.rare().get(0).toLowerCase() + "&limit=50");
            int answers = 0;
            for (String path : paths) {
                var response = api.get(path);
                assertTrue(response.statusCode() == 200 || response.statusCode() == 400, path + ": " + response.statusCode() + " " + response.body());
                JsonNode answer = ApiClient.JSON.readTree(response.body());
                assertNoRareStep(answer, s.rare(), path, "");
                var again = api.get(path);
                assertEquals(response.statusCode(), again.statusCode());
                assertEquals(withoutTime(answer), withoutTime(ApiClient.JSON.readTree(again.body())), "averaging: " + path);
                answers++;
            }
            assertTrue(answers > 800, "queried " + answers);

            // Differencing across endpoints, for every step.
            for (String step : steps) {
                JsonNode detail = api.json("/api/steps/" + step, 200);
                JsonNode next = api.json("/api/steps/" + step + "/next", 200);
                JsonNode previous = api.json("/api/steps/" + step + "/previous", 200);
                assertSafe(detail.get("people"), detail.get("peopleIn"), step + " people - peopleIn");
                assertSafe(detail.get("people"), detail.get("peopleOut"), step + " people - peopleOut");
                assertEquals(detail.get("peopleOut"), next.get("peopleLeaving"), step + ": one number for the people leaving");
                assertEquals(detail.get("peopleIn"), previous.get("peopleArriving"), step + ": one number for the people arriving");
                assertSafeBreakdown(next.get("peopleLeaving"), next.get("next"), step + " next");
                assertSafeBreakdown(previous.get("peopleArriving"), previous.get("previous"), step + " previous");
                // A transition shown from one side is the same number from the other.
                for (JsonNode n : next.get("next")) {
                    JsonNode back = api.json("/api/steps/" + n.get("step").get("id").asText() + "/previous", 200);
                    boolean found = false;
                    for (JsonNode p : back.get("previous")) {
                        if (p.get("step").get("id").asText().equals(step)) {
                            assertEquals(n.get("people").asLong(), p.get("people").asLong(), step + " -> " + n.get("step").get("id").asText());
                            found = true;
                        }
                    }
                    assertTrue(found, step + " -> " + n.get("step").get("id").asText() + " shown from its origin but hidden at its destination");
                }
            }
        } finally {
            app.stop();
        }
    }

    @Test
    void thePublishedLayerDoesNotMoveBetweenPublications() throws Exception {
        Setup s = population();
        Publisher publisher = new Publisher(s.db(), s.services().outcomes(), Thresholds.defaults(), Fixtures.CLOCK);
        Publication first = publisher.publish(dir.resolve("published"));
        String password = "attack-test-password";
        try (AnalystNeo4j analysts = AnalystNeo4j.start(first, new AnalystNeo4j.Settings(dir.resolve("analyst"), "127.0.0.1", 0, 0, password,
                32L << 20, null));
             Driver analyst = GraphDatabase.driver(analysts.boltUri(), AuthTokens.basic(AnalystNeo4j.USER, password))) {
            String query = "MATCH (s:Step) OPTIONAL MATCH (s)-[t:TRANSITION]->(n) RETURN s.id AS id, s.people AS people, "
                    + "collect([n.id, t.people]) AS out ORDER BY id";
            List<Map<String, Object>> before = read(analyst, query);
            // One more person, then one fewer: the live graph changes twice...
            Fixtures.importer(s.db(), 10).importRecords(List.of(new RawTrajectory("attack", "newcomer", List.of(
                    new RawStep("education", "BTS-MCO", "2019-09", null, null), new RawStep("job", "D1301", "2021-09", null, null)), "test")), n -> { });
            assertEquals(before, read(analyst, query), "adding one person is not visible before the next publication");
            new fr.passerelle.ingest.Erasure(s.db(), Fixtures.KEY, Fixtures.CLOCK).erase("attack", List.of("the-one"),
                    fr.passerelle.ingest.Erasure.Reason.ERASURE);
            assertEquals(before, read(analyst, query), "erasing one person is not visible before the next publication");
            // ... and the next publication carries both changes at once.
            Publication second = publisher.publish(dir.resolve("published"));
            assertNotEquals(first.version(), second.version());
            analysts.switchTo(second);
            List<Map<String, Object>> after = read(analyst, query);
            assertEquals(before.size(), after.size());
            assertEquals(second.version(), read(analyst, "MATCH (m:Meta) RETURN m.version AS v").get(0).get("v"));
        }
    }

    private static List<Map<String, Object>> read(Driver driver, String query) {
        try (Session session = driver.session(SessionConfig.forDatabase("neo4j"))) {
            return session.executeRead(tx -> tx.run(query).list(Record::asMap));
        }
    }

    /** No list of the answer names a rare step, and no count is given for one. */
    private static void assertNoRareStep(JsonNode node, List<String> rare, String path, String field) {
        if (node.isObject()) {
            JsonNode id = node.get("id");
            if (id != null && rare.contains(id.asText())) {
                // The step asked about, or a search hit: catalogue facts, allowed without a count.
                boolean theStepAsked = field.equals("step") || field.equals("from") || field.equals("to") || field.isEmpty()
                        || field.equals("steps[]");
                if (!theStepAsked) {
                    fail(path + ": the rare step " + id.asText() + " appears in " + field);
                }
                for (String count : List.of("people", "peopleIn", "peopleOut")) {
                    if (node.has(count) && !node.get(count).isNull()) {
                        fail(path + ": a count for the rare step " + id.asText());
                    }
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertNoRareStep(e.getValue(), rare, path, field.isEmpty() ? e.getKey() : field + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                assertNoRareStep(child, rare, path, field + "[]");
            }
        } else if (node.isTextual() && rare.contains(node.asText()) && !List.of("step.id", "from.id", "to.id", "id", "", "pathRequested[]", "steps[].id")
                .contains(field)) {
            fail(path + ": the rare step " + node.asText() + " appears as " + field);
        }
    }

    private static void assertSafe(JsonNode whole, JsonNode part, String what) {
        if (whole == null || part == null || whole.isNull() || part.isNull()) {
            return;
        }
        long rest = whole.asLong() - part.asLong();
        assertFalse(rest > 0 && rest < 11, what + " = " + rest);
    }

    private static void assertSafeBreakdown(JsonNode total, JsonNode parts, String what) {
        if (total == null || total.isNull()) {
            return;
        }
        long shown = 0;
        for (JsonNode p : parts) {
            shown += p.get("people").asLong();
        }
        long rest = total.asLong() - shown;
        assertFalse(rest > 0 && rest < 11, what + ": " + total.asLong() + " - " + shown + " = " + rest);
    }

    private static JsonNode withoutTime(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        if (copy.has("evidence")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("evidence")).remove("generatedAt");
        }
        return copy;
    }
}
