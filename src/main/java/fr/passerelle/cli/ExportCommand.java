package fr.passerelle.cli;

import fr.passerelle.analyst.AnalystNeo4j;
import fr.passerelle.analyst.Export;
import fr.passerelle.app.Environment;
import fr.passerelle.app.Settings;
import fr.passerelle.graph.Database;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Run an analysts' query on the release (every count perturbed, at least k) and write CSV for a spreadsheet.",
            "Example: export --query biggest-flows-from --param step=BTS-MCO --param limit=20 --out flows.csv"
        })
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(
            names = "--query",
            required = true,
            description = "A cypher/analyst/ file (e.g. biggest-flows-from) or an aggregate API query "
                    + "(e.g. queries/next-steps).")
    String query;

    @Option(
            names = "--param",
            description = "name=value (JSON values: numbers, ['a','b'], 'text'; default: the file's :param example).")
    List<String> params = List.of();

    @Option(names = "--format", defaultValue = "csv", description = "csv (the only format for now).")
    String format;

    @Option(names = "--out", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv")) {
            throw new IllegalArgumentException("--format: 'csv' is the only format, not '" + format + "'");
        }
        String name = Export.resolve(query);
        Map<String, Object> parameters = new LinkedHashMap<>(Export.exampleParameters(name));
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param '" + p + "': expected name=value");
            }
            parameters.put(
                    p.substring(0, eq).trim(),
                    Export.parseValue(p.substring(eq + 1).trim()));
        }
        try (Environment env = Environment.open(options.settings())) {
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            try (AnalystNeo4j analysts = AnalystNeo4j.start(
                            env.publish(),
                            new AnalystNeo4j.Settings(
                                    options.home.resolve("export-analyst"),
                                    "127.0.0.1",
                                    0,
                                    0,
                                    password,
                                    Settings.RELEASE_PAGE_CACHE_BYTES,
                                    null));
                    Database published = Database.connect(
                            analysts.boltUri(), AnalystNeo4j.USER, password, "neo4j", Settings.NEO4J_TIMEOUT);
                    Writer writer = out == null
                            ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                            : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                int rows = Export.toCsv(published, name, parameters, writer);
                System.err.printf(
                        "%d row(s) from cypher/%s.cypher with %s on publication %d%n",
                        rows, name, parameters, analysts.publication().version());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return 0;
    }
}
