package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.demo.DemoGenerator;
import fr.passerelle.demo.TrajectoryFileWriter;
import fr.passerelle.ingest.ImportReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Generate synthetic French trajectories over the catalogue (deterministic by seed) and load them, or write them to a file.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(
            names = "--people",
            defaultValue = "20000",
            description = "How many people, 1 to 5000000 (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--rebuild",
            description = "Replace the whole embedded database with the demo population (bulk importer).")
    boolean rebuild;

    @Option(
            names = "--prepare-home",
            description = "Prepare the demo home that 'serve --demo' copies into a new home (the build prepares "
                    + "target/demo-home): the people loaded, the first release published and the API's store built, "
                    + "then every key and password removed.")
    Path prepareHome;

    @Option(names = "--out", description = "Write to this file (.jsonl or .csv) instead of loading into the database.")
    Path out;

    @Override
    public Integer call() {
        if (people < 1 || people > 5_000_000) {
            throw new IllegalArgumentException("--people must be 1..5000000, got " + people);
        }
        if (prepareHome != null) {
            fr.passerelle.app.DemoHome.build(prepareHome, options.settings(), people, seed);
            return 0;
        }
        if (out != null) {
            DemoGenerator generator = new DemoGenerator(fr.passerelle.catalog.Catalogue.bundled());
            long n = TrajectoryFileWriter.write(generator.generate(people, seed), out);
            System.out.println("wrote " + n + " trajectories to " + out);
            return 0;
        }
        try (Environment env = Environment.open(options.settings())) {
            ImportReport report = rebuild ? rebuild(env, people, seed) : load(env, people, seed);
            System.out.print(report.summary());
        }
        return 0;
    }

    static ImportReport rebuild(Environment env, int people, long seed) {
        return env.rebuildWithDemo(people, seed);
    }

    /** The bulk importer's own progress output, kept off the console during a demo start. */
    static java.io.PrintStream quietStream() {
        return new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    }

    static ImportReport load(Environment env, int people, long seed) {
        if (env.db()
                .read(
                        "person/demo-template",
                        java.util.Map.of(),
                        r -> r.get("demoTemplate").asBoolean())
                .get(0)) {
            throw new IllegalStateException(
                    "this home was copied from the prepared demo home: its people are the demo's,"
                            + " under a key nobody holds, and loading the demo again would count them twice; replace them"
                            + " with 'demo --rebuild' instead");
        }
        // Real establishments where the official files are at hand (none otherwise: no code is invented).
        DemoGenerator generator = new DemoGenerator(env.catalogue(), fr.passerelle.market.Establishments.standard());
        try (Progress progress = new Progress("Demo", people)) {
            return env.importer(10_000).importRecords(generator.generate(people, seed), progress);
        }
    }
}
