package fr.passerelle.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.graph.Database;
import fr.passerelle.publish.Publication;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One query, two audiences: on a publication of the demo data, every {@code cypher/analyst/} file
 * and every API query the guide says runs there returns rows with its own {@code :param} example,
 * as an analyst pasting it into Neo4j Browser would see; and the export writes them as CSV.
 */
class AnalystQueriesTest {
    static final String PASSWORD = "analyst-queries-password";
    static AnalystNeo4j analysts;
    static Database analyst;

    @BeforeAll
    static void start(@TempDir Path dir) {
        Publication publication = Fixtures.demoPublication();
        assertTrue(
                publication.counts().paths() > 0 && publication.counts().outcomes() > 0,
                publication.counts().toString());
        analysts = AnalystNeo4j.start(
                publication,
                new AnalystNeo4j.Settings(dir.resolve("analyst"), "127.0.0.1", 0, 0, PASSWORD, 32L << 20, null));
        analyst = Database.connect(
                analysts.boltUri(), AnalystNeo4j.USER, PASSWORD, "neo4j", java.time.Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (analyst != null) {
            analyst.close();
        }
        if (analysts != null) {
            analysts.close();
        }
    }

    @Test
    void everyExampleReturnsRowsOnThePublishedDemoData() {
        List<String> names = new ArrayList<>(Guide.ANALYSES);
        names.add(Guide.PUBLICATION);
        names.addAll(Guide.API_QUERIES);
        List<String> empty = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> params = Export.exampleParameters(name);
            StringWriter csv = new StringWriter();
            if (Export.toCsv(analyst, name, params, csv) == 0) {
                empty.add(name + " " + params);
            }
        }
        assertTrue(empty.isEmpty(), "examples returning no rows on the published demo data: " + empty);
    }

    @Test
    void theExportLeavesGraphColumnsOutAndKeepsTheFigures() {
        StringWriter csv = new StringWriter();
        int rows =
                Export.toCsv(analyst, Export.resolve("biggest-flows-from"), Map.of("step", "BTS-MCO", "limit", 5), csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals("destination,people,sharePercent,medianMonths,monthsAfterEnd", lines.get(0));
        assertEquals(rows + 1, lines.size());
        assertTrue(rows > 0 && rows <= 5);
        assertEquals(List.of(12, "BTS-MCO"), List.of(Export.parseValue("12"), Export.parseValue("BTS-MCO")));
        assertEquals(List.of("a", "b"), Export.parseValue("['a', 'b']"));
    }

    @Test
    void onlyPublishedQueriesCanBeExported() {
        for (String refused :
                List.of("person/people-count", "publish/person-sequences", "person/lock", "../../etc/passwd")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> Export.resolve(refused));
            assertTrue(e.getMessage().contains("choose one of"), e.getMessage());
        }
        assertFalse(Export.resolve("outcomes-at").isEmpty());
    }
}
