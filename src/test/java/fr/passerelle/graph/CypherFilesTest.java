package fr.passerelle.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.passerelle.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Cypher files are documentation for analysts as much as code: each has a header (purpose,
 * parameters), and each query in {@code cypher/queries/} has an example {@code :param} line that,
 * pasted into Neo4j Browser with the query, returns rows on the demo data.
 */
class CypherFilesTest {
    static List<Path> files(String folder) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("cypher", folder))) {
            return walk.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
    }

    @Test
    void everyCypherFileHasAHeaderAnAnalystCanFollow() throws IOException {
        List<Path> all = files("");
        assertTrue(all.size() > 30, "found " + all.size());
        for (Path file : all) {
            String text = Files.readString(file);
            assertTrue(text.startsWith("// Purpose: "), file + " starts with its purpose");
            assertTrue(text.contains("// Parameters: "), file + " says its parameters");
            if (text.contains("$") && !file.startsWith(Path.of("cypher", "schema"))) {
                assertTrue(text.contains("// :param "), file + " has an example :param line");
            }
        }
    }

    @Test
    void everyQueryExampleReturnsRowsOnTheDemoRelease(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // The API's queries read the release only: run them where the API runs them.
        fr.passerelle.publish.ReleaseApi release = Fixtures.demoRelease();
        Database db = release.database();
        List<String> empty = new ArrayList<>();
        for (Path file : files("queries")) {
            String text = Files.readString(file);
            Map<String, Object> params = new HashMap<>();
            for (String line :
                    text.lines().filter(l -> l.startsWith("// :param ")).toList()) {
                String param = line.substring("// :param ".length()).trim();
                if (param.startsWith("{")) {
                    params.putAll(db.driver()
                            .executableQuery("RETURN " + param + " AS v")
                            .execute()
                            .records()
                            .get(0)
                            .get("v")
                            .asMap());
                } else {
                    String[] nameValue = param.split("=>", 2);
                    Object value = db.driver()
                            .executableQuery("RETURN " + nameValue[1].trim() + " AS v")
                            .execute()
                            .records()
                            .get(0)
                            .get("v")
                            .asObject();
                    params.put(nameValue[0].trim(), value);
                }
            }
            String name = file.toString().substring("cypher/".length()).replace(".cypher", "");
            try {
                if (db.read(name, params, r -> r).isEmpty()) {
                    empty.add(name);
                }
            } catch (RuntimeException e) {
                fail(file + " with " + params + ": " + e.getMessage());
            }
        }
        assertFalse(empty.size() > 0, "examples returning no rows on the demo release: " + empty);
    }
}
