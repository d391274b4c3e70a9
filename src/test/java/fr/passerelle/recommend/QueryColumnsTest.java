package fr.passerelle.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.graph.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services read release queries by name and their rows by column: every name they use is a
 * file in {@code cypher/queries/}, every column they read is returned by one of those files, a
 * column a query does not return fails loudly instead of reading as "not released", and an
 * answer's evidence names exactly the queries that ran.
 */
class QueryColumnsTest {
    private static final Path QUERIES = Path.of("cypher/queries");
    private static final Path SERVICES = Path.of("src/main/java/fr/passerelle/recommend");

    @Test
    void everyQueryNameAndColumnTheServicesReadExists() throws IOException {
        Set<String> returned = new HashSet<>();
        Set<String> files = new HashSet<>();
        try (Stream<Path> list = Files.list(QUERIES)) {
            for (Path f : list.toList()) {
                files.add("queries/" + f.getFileName().toString().replace(".cypher", ""));
                returned.addAll(returnedColumns(Files.readString(f)));
            }
        }
        Set<String> unknownQueries = new TreeSet<>();
        Set<String> unknownColumns = new TreeSet<>();
        Pattern name = Pattern.compile("\"(queries/[a-z-]+)\"");
        Pattern column = Pattern.compile(
                "\\b(?:r|first|f|s|step|row)\\.(?:get|text|count|integer)\\(\"(\\w+)\"\\)|\\.get\\(0\\)\\.(?:get|count|text)\\(\"(\\w+)\"\\)");
        try (Stream<Path> list = Files.list(SERVICES)) {
            for (Path f : list.filter(p -> p.toString().endsWith(".java")).toList()) {
                String java = Files.readString(f);
                Matcher n = name.matcher(java);
                while (n.find()) {
                    if (!files.contains(n.group(1))) {
                        unknownQueries.add(f.getFileName() + ": " + n.group(1));
                    }
                }
                Matcher c = column.matcher(java);
                while (c.find()) {
                    String col = c.group(1) != null ? c.group(1) : c.group(2);
                    if (!returned.contains(col)) {
                        unknownColumns.add(f.getFileName() + ": " + col);
                    }
                }
            }
        }
        assertTrue(unknownQueries.isEmpty(), "names with no cypher/ file: " + unknownQueries);
        assertTrue(unknownColumns.isEmpty(), "columns no release query returns: " + unknownColumns);
        assertTrue(
                returned.containsAll(List.of("leaving", "people", "share", "medianMonths", "version")),
                returned.toString());
    }

    /** The columns after the last RETURN of a query: {@code ... AS name} aliases and bare variables. */
    static Set<String> returnedColumns(String cypher) {
        String text = cypher.lines().filter(l -> !l.startsWith("//")).reduce("", (a, b) -> a + "\n" + b);
        int at = text.lastIndexOf("RETURN");
        Set<String> columns = new HashSet<>();
        if (at < 0) {
            return columns;
        }
        String tail = text.substring(at + 6).split("\\bORDER BY\\b|\\bLIMIT\\b")[0];
        Matcher m = Pattern.compile("\\bAS\\s+(\\w+)").matcher(tail);
        while (m.find()) {
            columns.add(m.group(1));
        }
        // Bare variables (RETURN bridge, wholeRoute): the column is the variable's name.
        for (String item : tail.split(",")) {
            if (item.strip().matches("\\w+")) {
                columns.add(item.strip());
            }
        }
        return columns;
    }

    @Test
    void aColumnTheQueryDoesNotReturnIsAnErrorNamingIt(@TempDir Path dir) {
        Database db = TestNeo4j.reset();
        Fixtures.importer(db, 100)
                .importFiles(
                        List.of(Fixtures.write(
                                dir,
                                "one.jsonl",
                                Fixtures.people("q", 12, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09"))),
                        false,
                        n -> {});
        try (fr.passerelle.publish.ReleaseApi release = Fixtures.release(db, dir)) {
            List<Row> rows = release.database().rows("queries/step-by-id", Map.of("id", "BTS-MCO"), r -> r);
            assertEquals("BTS-MCO", rows.get(0).get("id").asString());
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> rows.get(0).get("peopel"));
            assertTrue(
                    e.getMessage().startsWith("cypher/queries/step-by-id.cypher returns no column peopel"),
                    e.getMessage());

            // Evidence: the queries that ran, in order; the path's own step is checked with step-by-id.
            StepService steps = Fixtures.services(release).steps();
            assertEquals(
                    "cypher/queries/step-by-id.cypher + cypher/queries/step-coverage.cypher",
                    steps.step("BTS-MCO").evidence().query());
            assertEquals(
                    "cypher/queries/next-steps.cypher + cypher/queries/step-by-id.cypher + cypher/queries/next-after.cypher",
                    steps.next(NextQuery.after("BTS-MCO", List.of("BAC-STMG")))
                            .evidence()
                            .query());
            assertEquals(
                    "cypher/queries/step-by-id.cypher + cypher/queries/step-list.cypher + cypher/queries/routes-observed.cypher"
                            + " + cypher/queries/published-transitions.cypher",
                    Fixtures.services(release)
                            .routes()
                            .routes("BAC-STMG", "BTS-MCO", 2, 5)
                            .evidence()
                            .query()
                            .replace(" + cypher/queries/route-people.cypher", ""));
        }
    }
}
