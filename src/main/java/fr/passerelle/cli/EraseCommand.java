package fr.passerelle.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.app.Environment;
import fr.passerelle.lifecycle.Erasure;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "erase",
        mixinStandardHelpOptions = true,
        description =
                "Erase people (GDPR erasure): their record and every contribution to the aggregates, in one transaction per batch; "
                        + "their pseudonym joins the do-not-collect list, which every later import honours. Erasing someone unknown is not an "
                        + "error: the pseudonym is still listed. Prints one JSON receipt per person.")
final class EraseCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--source", description = "The source that knows the person (with --id).")
    String source;

    @Option(names = "--id", description = "The person's identifier at that source (repeatable).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--file", description = "A CSV file with columns source,id: many people at once.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if ((file == null) == (source == null || ids.isEmpty())) {
            throw new IllegalArgumentException(
                    "give either --source S --id X [--id Y ...] or --file F.csv (columns source,id)");
        }
        ObjectMapper json = new ObjectMapper();
        try (Environment env = Environment.open(options.settings())) {
            Erasure erasure = env.erasure();
            List<Erasure.Receipt> receipts = new ArrayList<>();
            if (file != null) {
                CSVFormat format = fr.passerelle.files.Csv.WITH_HEADER;
                java.util.Map<String, List<String>> bySource = new java.util.LinkedHashMap<>();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (CSVRecord row : format.parse(reader)) {
                        if (!row.isMapped("source")
                                || !row.isMapped("id")
                                || row.get("source").isEmpty()
                                || row.get("id").isEmpty()) {
                            throw new IllegalArgumentException(
                                    file + ":" + row.getParser().getCurrentLineNumber()
                                            + ": expected columns source,id with values");
                        }
                        bySource.computeIfAbsent(row.get("source"), k -> new ArrayList<>())
                                .add(row.get("id"));
                    }
                }
                bySource.forEach((s, list) -> receipts.addAll(erasure.erase(s, list, Erasure.Reason.ERASURE)));
            } else {
                receipts.addAll(erasure.erase(source, ids, Erasure.Reason.ERASURE));
            }
            for (Erasure.Receipt r : receipts) {
                System.out.println(json.writeValueAsString(r));
            }
            System.err.printf(
                    "erased %d record(s); %d pseudonym(s) on the do-not-collect list%n",
                    receipts.stream().filter(Erasure.Receipt::found).count(), receipts.size());
        }
        return 0;
    }
}
