package fr.passerelle.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.ingest.RawStep;
import fr.passerelle.ingest.RawTrajectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes trajectories in either input format (by extension: .jsonl or .csv), for demos and benchmarks. */
public final class TrajectoryFileWriter {
    private TrajectoryFileWriter() {}

    public static long write(Iterable<RawTrajectory> trajectories, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return file.toString().endsWith(".csv") ? writeCsv(trajectories, file) : writeJsonLines(trajectories, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static long writeJsonLines(Iterable<RawTrajectory> trajectories, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long n = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (RawTrajectory t : trajectories) {
                ObjectNode root =
                        json.createObjectNode().put("source", t.source()).put("id", t.id());
                if (t.withdrawn()) {
                    root.put("status", "withdrawn");
                }
                ArrayNode steps = root.putArray("steps");
                for (RawStep s : t.steps()) {
                    ObjectNode step = steps.addObject()
                            .put("kind", s.kind())
                            .put("code", s.code())
                            .put("start", s.start());
                    if (s.end() != null) {
                        step.put("end", s.end());
                    }
                    step.put("region", s.region());
                    if (s.institution() != null) {
                        step.put("institution", s.institution());
                    }
                }
                out.write(json.writeValueAsString(root));
                out.write('\n');
                n++;
            }
        }
        return n;
    }

    private static long writeCsv(Iterable<RawTrajectory> trajectories, Path file) throws IOException {
        long n = 0;
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader("source", "id", "seq", "kind", "code", "label", "start", "end", "region", "institution")
                .setRecordSeparator('\n')
                .get();
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format)) {
            for (RawTrajectory t : trajectories) {
                int seq = 1;
                for (RawStep s : t.steps()) {
                    out.printRecord(
                            t.source(),
                            t.id(),
                            seq++,
                            s.kind(),
                            s.code(),
                            "",
                            s.start(),
                            s.end() == null ? "" : s.end(),
                            s.region(),
                            s.institution() == null ? "" : s.institution());
                }
                n++;
            }
        }
        return n;
    }
}
