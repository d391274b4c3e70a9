package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.ingest.ImportReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import trajectories from JSON Lines (.jsonl) or long CSV (.csv) files. Re-importing is safe: "
                + "identical people are left as they are, a newer version of a person replaces the old one.")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Option(names = "--strict", description = "Reject the whole import, writing nothing, if any line is malformed.")
    boolean strict;

    @Option(
            names = "--rebuild",
            description = "Replace the whole embedded database with these files, through Neo4j's bulk "
                    + "importer (much faster for a full load; the server must not be running on the same directory).")
    boolean rebuild;

    @Option(
            names = "--replace-source",
            paramLabel = "SOURCE",
            description =
                    "The files are SOURCE's full current export: its people absent from them are erased afterwards.")
    String replaceSource;

    @Option(
            names = "--batch-size",
            defaultValue = "5000",
            description = "People per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                throw new IllegalArgumentException("cannot read " + f);
            }
        }
        if (rebuild && replaceSource != null) {
            throw new IllegalArgumentException(
                    "--rebuild already replaces everything; --replace-source is for incremental imports");
        }
        try (Environment env = Environment.open(options.settings());
                Progress progress = new Progress("Import", -1)) {
            ImportReport report = rebuild
                    ? env.rebuild((loader, work) -> loader.prepare(files, strict, env.doNotCollect(), work), System.out)
                    : env.importer(batchSize).importFiles(files, strict, replaceSource, progress);
            progress.close();
            System.out.print(report.summary());
            return report.rejected() ? 2 : 0;
        }
    }
}
