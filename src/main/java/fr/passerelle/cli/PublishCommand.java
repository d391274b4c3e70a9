package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.publish.Publication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Build the release of the current graph in <home>/published/<version> (every table of the catalogue, cell-key perturbed): CSV files and "
                    + "load.cypher (the server does it at start and daily, and the analysts' Neo4j serves it).",
            "With --export, also copy it to a folder (open data; e.g. import/published for a Neo4j server's import directory)."
        })
final class PublishCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--export", description = "Copy the publication's files to this folder.")
    Path export;

    @Override
    public Integer call() {
        try (Environment env = Environment.open(options.settings())) {
            long t0 = System.nanoTime();
            Publication p = env.publish();
            System.out.printf(
                    "publication of version %d (%s) in %s, %.1f s:%n  %s%n",
                    p.version(), p.publishedAt(), p.dir(), (System.nanoTime() - t0) / 1e9, p.counts());
            if (export != null) {
                copy(p.dir(), export);
                System.out.println(
                        "exported to " + export.toAbsolutePath().normalize()
                                + " (load with: cypher-shell -f load.cypher -P \"{base: 'file:///'}\" from Neo4j's import directory)");
            }
        }
        return 0;
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + to, e);
        }
    }
}
