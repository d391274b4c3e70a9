package fr.passerelle.cli;

import fr.passerelle.analyst.AnalystNeo4j;
import fr.passerelle.analyst.Export;
import fr.passerelle.app.PasswordFile;
import fr.passerelle.app.RunningServer;
import fr.passerelle.app.Settings;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.publish.Publication;
import fr.passerelle.recommend.SearchTitles;
import fr.passerelle.recommend.StepNotFoundException;
import fr.passerelle.recommend.StepService;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        if (query.replace("cypher/", "").replace("queries/", "").startsWith("institution-")) {
            // The same answer whatever the way in: an establishment's figures are read with its key, through the API.
            throw new IllegalArgumentException(
                    "'" + query + "' reads an establishment's private figures: ask GET /api/institutions/{uai}/... with"
                            + " that establishment's key (apikey create --role institution --institution UAI)");
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
        Settings settings = options.settings();
        java.util.Optional<RunningServer> server = RunningServer.on(settings.home());
        try (Writer writer = out == null
                ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (server.isPresent()
                    && server.get().analystBolt() != null
                    && Files.isRegularFile(settings.analystPasswordFile())) {
                // The release the server serves, read through its analysts' read-only Bolt: no store, no start.
                try (Database published = Database.connect(
                        server.get().analystBolt(),
                        AnalystNeo4j.USER,
                        PasswordFile.loadOrCreate(settings.analystPasswordFile()),
                        "neo4j",
                        Settings.NEO4J_TIMEOUT)) {
                    run(
                            published,
                            name,
                            parameters,
                            writer,
                            "served by the running server (pid " + server.get().pid() + ")");
                }
                return 0;
            }
            if (server.isPresent()
                    && Publication.newest(settings.publishedDir()).isEmpty()) {
                throw new IllegalStateException(
                        "the server running on this home (pid " + server.get().pid()
                                + ") has no release yet and runs without analysts: start it with analysts, or wait for its"
                                + " first release");
            }
            NewestRelease.read(settings, server, (release, which) -> {
                run(release, name, parameters, writer, which);
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return 0;
    }

    /** Runs the query on a release, after checking its step codes; says on stderr which release answered. */
    private static void run(Database release, String name, Map<String, Object> parameters, Writer writer, String which)
            throws IOException {
        StepService steps =
                new StepService(release, Thresholds.defaults(), java.time.Clock.systemUTC(), SearchTitles::standard);
        for (String field : List.of("step", "from", "to")) {
            if (parameters.get(field) instanceof String code) {
                try {
                    steps.step(code);
                } catch (StepNotFoundException e) {
                    throw new IllegalArgumentException(
                            "--param " + field + "=" + code + ": unknown step; close matches: "
                                    + e.closeMatches().stream()
                                            .map(r -> r.id() + " (" + r.label() + ")")
                                            .collect(java.util.stream.Collectors.joining(", ")));
                }
            }
        }
        int rows = Export.toCsv(release, name, parameters, writer);
        System.err.printf(
                "%d row(s) from cypher/%s.cypher with %s on release %d (%s)%n",
                rows, name, parameters, steps.datasetVersion(), which);
    }
}
