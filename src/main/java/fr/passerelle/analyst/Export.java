package fr.passerelle.analyst;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.passerelle.graph.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

/**
 * Runs an analysts' query (a {@code cypher/analyst/} file, or an API query that reads only the
 * published aggregates) on the published graph and writes the rows as CSV for a spreadsheet. The
 * parameters default to the file's own {@code :param} example; graph-only columns (nodes,
 * relationships, paths, which Browser draws) are left out of the CSV.
 */
public final class Export {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private Export() {}

    /** The statement's name as {@code cypher/<name>.cypher}: {@code biggest-flows-from} means {@code analyst/biggest-flows-from}. */
    public static String resolve(String query) {
        String name = query.endsWith(".cypher") ? query.substring(0, query.length() - ".cypher".length()) : query;
        name = name.startsWith("cypher/") ? name.substring("cypher/".length()) : name;
        if (!name.contains("/")) {
            name = "analyst/" + name;
        }
        if (!Guide.ANALYSES.contains(name) && !name.equals(Guide.PUBLICATION) && !Guide.API_QUERIES.contains(name)) {
            throw new IllegalArgumentException("unknown or non-published query '" + query + "'; choose one of: "
                    + String.join(", ", Guide.ANALYSES) + ", " + String.join(", ", Guide.API_QUERIES));
        }
        return name;
    }

    /** The file's {@code :param} example as a map. */
    public static Map<String, Object> exampleParameters(String name) {
        Guide.Query q = Guide.Query.parse(name);
        if (q.param() == null) {
            return new LinkedHashMap<>();
        }
        // Either ":param {a: 1, b: 'x'}" or one ":param name => value" line per parameter.
        Map<String, Object> params = new LinkedHashMap<>();
        for (String line : q.param().lines().toList()) {
            String text = line.substring(":param ".length()).trim();
            try {
                if (text.startsWith("{")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = LENIENT.readValue(text, LinkedHashMap.class);
                    params.putAll(map);
                } else {
                    String[] nameValue = text.split("=>", 2);
                    params.put(nameValue[0].trim(), LENIENT.readValue(nameValue[1].trim(), Object.class));
                }
            } catch (IOException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalStateException(
                        "cypher/" + name + ".cypher: cannot read its :param example " + text, e);
            }
        }
        return params;
    }

    /** A {@code --param name=value} value: JSON when it parses (numbers, lists, quoted strings), else the text. */
    public static Object parseValue(String text) {
        try {
            return LENIENT.readValue(text, Object.class);
        } catch (IOException e) {
            return text;
        }
    }

    /** Runs {@code name} with {@code params} on the published graph and writes CSV; returns the number of rows. */
    public static int toCsv(Database published, String name, Map<String, Object> params, Writer out) {
        List<Record> rows = published.read(name, params, r -> r);
        try {
            List<String> columns = rows.isEmpty()
                    ? List.of()
                    : rows.get(0).keys().stream()
                            .filter(key -> !isGraph(rows.get(0).get(key)))
                            .toList();
            try (CSVPrinter csv = new CSVPrinter(
                    out,
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader(columns.toArray(String[]::new))
                            .setRecordSeparator('\n')
                            .get())) {
                for (Record r : rows) {
                    List<Object> cells = new ArrayList<>();
                    for (String column : columns) {
                        cells.add(cell(r.get(column)));
                    }
                    csv.printRecord(cells);
                }
            }
            return rows.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isGraph(Value v) {
        TypeSystem t = TypeSystem.getDefault();
        return v.hasType(t.NODE()) || v.hasType(t.RELATIONSHIP()) || v.hasType(t.PATH());
    }

    private static Object cell(Value v) {
        if (v.isNull()) {
            return null;
        }
        if (v.hasType(TypeSystem.getDefault().LIST())) {
            return v.asList(x -> String.valueOf(x.asObject())).stream().collect(Collectors.joining(";"));
        }
        return v.asObject();
    }
}
