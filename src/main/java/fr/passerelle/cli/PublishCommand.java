package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.Releases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
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
                    + "load.cypher, when the publication policy says one is due (at least --min-changes people changed, or the last release is "
                    + "--max-delay-days old and anything changed); otherwise says why not and keeps the newest release. The server checks by itself.",
            "--force publishes whatever the policy says (logged): one change published alone can single that person out.",
            "With --export, also copy it to a folder (open data; e.g. import/published for a Neo4j server's import directory)."
        })
final class PublishCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--export", description = "Copy the newest release's files to this folder.")
    Path export;

    @Option(
            names = "--force",
            description =
                    "Publish now even if the policy says no release is due (logged; see the README on releases over time).")
    boolean force;

    @Override
    public Integer call() {
        try (Environment env = Environment.open(options.settings())) {
            long t0 = System.nanoTime();
            Releases.Outcome outcome = env.releases().publish(force ? "the publish command (--force)" : null);
            Publication p = outcome.release();
            String why = outcome.decision().reason().name().toLowerCase(java.util.Locale.ROOT);
            if (outcome.published()) {
                System.out.printf(
                        "publication of version %d (%s; %s) in %s, %.1f s:%n  %s%n",
                        p.version(), p.publishedAt(), why, p.dir(), (System.nanoTime() - t0) / 1e9, p.counts());
            } else {
                Map<String, Object> s = env.releases().schedule();
                System.out.printf(
                        "no release due (%s): fewer than %s people changed since release %d of %s; any change is published by %s "
                                + "at the latest (--force to publish now)%n",
                        why, s.get("minChanges"), p.version(), p.publishedAt(), s.get("latestNextPublication"));
            }
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
            // The open files only: the release's private part (establishments' figures) never leaves the server.
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + to, e);
        }
    }
}
