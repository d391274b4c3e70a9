package fr.passerelle.privacy;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.publish.ReleaseApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PIA written for the CNIL's software: in its export format, every answer pointing at a question
 * of its questionnaire with the right kind of answer, filled from the live register, and the parts
 * for people marked. The questionnaire's structure is the CNIL's own file (shared/data/pia); without
 * it the structural half is skipped.
 */
class PiaTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePiaImportsIntoTheCnilsSoftwareAndSaysWhatTheSystemDoes(@TempDir Path dir) throws Exception {
        Database db = TestNeo4j.reset();
        Fixtures.importer(db, 50)
                .importFiles(
                        List.of(Fixtures.write(
                                dir, "pia.jsonl", people("a", 30, "education:BTS-MCO:2018-09", "job:D1301:2020-09"))),
                        false,
                        n -> {});
        Register.Settings settings = new Register.Settings(
                Fixtures.KEY.keyId(), 24, "REGION", "Observatoire régional des parcours", "dpo@example.org");
        JsonNode pia;
        try (ReleaseApi release = Fixtures.release(db, dir)) {
            Map<String, Object> register = fr.passerelle.recommend.Services.over(
                            release.database(), Thresholds.defaults(), Fixtures.CLOCK, settings)
                    .register()
                    .describe(false);
            pia = JSON.valueToTree(Pia.build(register, Instant.parse("2026-11-30T10:00:00Z")));
        }
        for (String part : List.of("pia", "answers", "measures", "evaluations", "comments")) {
            assertTrue(pia.has(part), part);
        }
        assertEquals(
                "Observatoire régional des parcours",
                pia.get("pia").get("structure_name").asText());
        Instant.parse(pia.get("pia").get("created_at").asText());
        String all = pia.toString();
        for (String fact : List.of("24 mois", "HMAC-SHA-256", "dpo@example.org", "robots.txt", "Intérêt légitime")) {
            assertTrue(all.contains(fact), "the PIA says " + fact);
        }
        assertTrue(all.contains(Pia.TO_COMPLETE.strip()), "what only people can judge is marked");
        Set<String> measureTitles = new HashSet<>();
        pia.get("measures").forEach(m -> measureTitles.add(m.get("title").asText()));
        for (JsonNode a : pia.get("answers")) {
            Instant.parse(a.get("created_at").asText());
            if (a.get("reference_to").asInt() % 10 == 4 && a.get("reference_to").asInt() > 300) {
                a.get("data").get("list").forEach(m -> assertTrue(measureTitles.contains(m.asText()), "measure " + m));
            }
        }

        Path architecture = Path.of("..", "shared", "data", "pia", "pia_architecture.json");
        Assumptions.assumeTrue(
                Files.exists(architecture),
                "the CNIL's questionnaire structure is not beside the project: " + architecture);
        Map<Integer, String> questions = new HashMap<>();
        JSON.readTree(architecture.toFile())
                .get("sections")
                .forEach(s -> s.get("items").forEach(item -> {
                    if (item.has("questions")) {
                        item.get("questions")
                                .forEach(q -> questions.put(
                                        q.get("id").asInt(),
                                        q.get("answer_type").asText()));
                    }
                }));
        List<Integer> answered = new ArrayList<>();
        for (JsonNode a : pia.get("answers")) {
            int ref = a.get("reference_to").asInt();
            assertTrue(
                    questions.containsKey(ref),
                    "answer to question " + ref + ", which the questionnaire does not have");
            JsonNode data = a.get("data");
            switch (questions.get(ref)) {
                case "text" -> assertFalse(data.get("text").asText("").isBlank(), "text answer " + ref);
                case "list" -> assertTrue(data.get("list").size() > 0, "list answer " + ref);
                case "gauge" ->
                    assertTrue(
                            data.get("gauge").isNull()
                                    && !data.get("text").asText("").isBlank(),
                            "gauge " + ref + " left to people, said");
                default -> throw new AssertionError("unknown answer type " + questions.get(ref));
            }
            answered.add(ref);
        }
        assertEquals(new HashSet<>(answered).size(), answered.size(), "one answer per question");
        assertEquals(
                new HashSet<>(questions.keySet()),
                new HashSet<>(answered),
                "every question of the questionnaire has an answer");
        // The same top-level fields as an export of the software itself.
        JsonNode fixture = JSON.readTree(
                architecture.resolveSibling("pia-export-fixture.json").toFile());
        fixture.get("pia")
                .fieldNames()
                .forEachRemaining(f -> assertTrue(pia.get("pia").has(f), "pia." + f));
    }
}
