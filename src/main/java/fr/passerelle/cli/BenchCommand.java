package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.demo.DemoGenerator;
import fr.passerelle.demo.TrajectoryFileWriter;
import fr.passerelle.ingest.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Benchmarks. 'bench ingest': write N demo people to a JSON Lines file, import it end to end into a fresh "
                        + "embedded database, report people/s and peak memory. 'bench api': load N demo people, then measure API latency "
                        + "percentiles over HTTP for next, next?after=, routes and bridges, and the in-memory route search alone. 'bench soak': "
                        + "the serve wiring under 16 clients for --minutes with an erasure every --erase-every minutes; errors, "
                        + "p50/p99 and RSS per minute.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: ingest or api.")
    String what;

    @Option(names = "--people", defaultValue = "100000", description = "Population size (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(
            names = "--batch-size",
            defaultValue = "10000",
            description = "People per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--mode",
            defaultValue = "bulk",
            description =
                    "bulk (Neo4j's bulk importer, a full rebuild) or transactional (batches through the driver) (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(
            names = "--requests",
            defaultValue = "1000",
            description = "bench api: requests per endpoint (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(
            names = "--warmup",
            defaultValue = "2000",
            description = "bench api: warm-up requests per endpoint before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--minutes", defaultValue = "10", description = "bench soak: how long (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(
            names = "--erase-every",
            defaultValue = "2",
            description =
                    "bench soak: an erasure, then a forced release, every this many minutes; 0 none (default: ${DEFAULT-VALUE}).")
    int eraseEvery;

    @Option(
            names = "--endpoints",
            split = ",",
            description = "bench api: only the endpoints whose name starts with one of these (e.g. institution).")
    List<String> endpoints = new java.util.ArrayList<>();

    @Option(names = "--keep", description = "Keep the benchmark's database directory.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        if (!List.of("ingest", "api", "soak").contains(what)) {
            throw new IllegalArgumentException("unknown benchmark \"" + what + "\"; available: ingest, api, soak");
        }
        Path dir = Files.createTempDirectory("passerelle-bench-");
        fr.passerelle.app.Settings settings = options.settings().withHome(dir).withBoltPort(0);
        try {
            Path file = dir.resolve("demo.jsonl");
            long t0 = System.nanoTime();
            TrajectoryFileWriter.write(
                    // In real establishments where the official files are at hand, as serve --demo places them.
                    new DemoGenerator(
                                    fr.passerelle.catalog.Catalogue.bundled(),
                                    fr.passerelle.market.Establishments.standard())
                            .generate(people, 42),
                    file);
            double generate = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "generated %d people into %s (%.0f MB) in %.1f s%n",
                    people, file, Files.size(file) / 1e6, generate);
            int establishments =
                    fr.passerelle.market.Establishments.standard().all().size();
            // Without the official files the population has no establishment and the release no private tables: a
            // figure measured so is not comparable with one measured with them, so say which it is.
            System.out.println(
                    establishments > 0
                            ? "placed in " + establishments + " real establishments (InserJeunes, InserSup files)"
                            : "placed in no establishment: the InserJeunes and InserSup files are not at"
                                    + " ../shared/data (run from the repository's folder, or set"
                                    + " PASSERELLE_INSERJEUNES_DIR and PASSERELLE_INSERSUP_DIR)");
            try (Environment env = Environment.open(settings);
                    Progress progress = new Progress("Import", people)) {
                long t1 = System.nanoTime();
                ImportReport report = switch (mode) {
                    case "bulk" ->
                        env.rebuild(
                                (loader, work) -> loader.prepare(List.of(file), false, env.doNotCollect(), work),
                                DemoCommand.quietStream());
                    case "transactional" -> env.importer(batchSize).importFiles(List.of(file), false, progress);
                    default -> throw new IllegalArgumentException("--mode must be bulk or transactional, got " + mode);
                };
                double seconds = (System.nanoTime() - t1) / 1e9;
                progress.close();
                System.out.print(report.summary());
                if (what.equals("api")) {
                    new ApiBenchmark(env, requests, warmup, endpoints).run();
                    return 0;
                }
                if (what.equals("soak")) {
                    new SoakBenchmark(env, minutes, eraseEvery).run();
                    return 0;
                }
                System.out.printf(
                        "ingest (" + mode
                                + "): %d people, %d steps in %.1f s = %.0f people/s, %.0f steps/s; peak RSS %s MiB; heap max %d MiB%n",
                        report.records(),
                        report.visits(),
                        seconds,
                        report.records() / seconds,
                        report.visits() / seconds,
                        peakRssMib(),
                        Runtime.getRuntime().maxMemory() >> 20);
            }
        } finally {
            if (!keep) {
                fr.passerelle.files.Folders.deleteTree(dir);
            } else {
                System.out.println("kept " + dir);
            }
        }
        return 0;
    }

    private static String peakRssMib() {
        long mib = procStatusMib("VmHWM");
        return mib < 0 ? "?" : String.valueOf(mib);
    }

    /** A memory line of /proc/self/status ("VmRSS", "VmHWM") in MiB; -1 where there is none (not Linux). */
    static long procStatusMib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux: no figure
        }
        return -1;
    }
}
