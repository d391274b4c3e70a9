package fr.passerelle.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Long CSV, one step a row: {@code source,id,seq,kind,code,label,start,end,region[,institution]}. A person's rows
 * need not be adjacent; they are ordered by {@code seq}. One bad row rejects that whole person, since
 * a trajectory with a hole would invent a transition.
 */
public final class CsvTrajectoryReader implements TrajectoryReader {
    static final List<String> REQUIRED = List.of("source", "id", "seq", "kind", "code");
    static final Set<String> KNOWN =
            Set.of("source", "id", "seq", "kind", "code", "label", "start", "end", "region", "institution");

    @Override
    public void read(Path file, Sink sink) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        Map<String, Person> people = new LinkedHashMap<>();
        // A person's rows span lines: a file with lines that are not UTF-8 is refused whole, each bad line named,
        // rather than read with a code or an identifier silently altered.
        if (!allUtf8(file, sink)) {
            return;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = header(format, reader, file, sink)) {
            if (parser == null) {
                return;
            }
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", ""))
                    .toList();
            for (String column : REQUIRED) {
                if (!header.contains(column)) {
                    sink.problem(new InputProblem(
                            file + ":1",
                            "missing column \"" + column + "\" (expected " + String.join(",", REQUIRED)
                                    + ",label,start,end,region)"));
                    return;
                }
            }
            List<String> extra = header.stream().filter(h -> !KNOWN.contains(h)).toList();
            long lastLine = 1;
            try {
                for (CSVRecord row : parser) {
                    long line = lastLine + 1;
                    lastLine = parser.getCurrentLineNumber();
                    String origin = file + ":" + line;
                    if (!row.isConsistent()) {
                        String reason = "expected " + header.size() + " columns, found " + row.size();
                        String source = get(row, header, "source");
                        String id = get(row, header, "id");
                        if (source != null && id != null) {
                            // Skip the whole person: keeping the other rows would invent a transition.
                            Person person =
                                    people.computeIfAbsent(source + "\u0000" + id, k -> new Person(source, id, origin));
                            if (person.problem == null) {
                                person.problem = new InputProblem(origin, reason);
                            }
                        } else {
                            sink.problem(new InputProblem(origin, reason));
                        }
                        continue;
                    }
                    extra.forEach(sink::droppedField);
                    String key = get(row, header, "source") + "\u0000" + get(row, header, "id");
                    Person person = people.computeIfAbsent(
                            key, k -> new Person(get(row, header, "source"), get(row, header, "id"), origin));
                    if (person.problem != null) {
                        continue;
                    }
                    String seqText = get(row, header, "seq");
                    int seq;
                    try {
                        seq = Integer.parseInt(seqText);
                    } catch (NumberFormatException e) {
                        person.problem = new InputProblem(
                                origin, "seq must be a whole number, got " + InputProblem.quote(seqText));
                        continue;
                    }
                    RawStep step = new RawStep(
                            get(row, header, "kind"),
                            get(row, header, "code"),
                            get(row, header, "start"),
                            get(row, header, "end"),
                            get(row, header, "region"),
                            get(row, header, "institution"));
                    if (person.steps.put(seq, step) != null) {
                        person.problem = new InputProblem(origin, "seq " + seq + " appears twice for the same person");
                    }
                }
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                sink.problem(new InputProblem(
                        file + ":" + (lastLine + 1),
                        "malformed CSV (" + rootMessage(e) + "); the rest of the file was not read"));
            }
        }
        for (Person person : people.values()) {
            if (person.problem != null) {
                sink.problem(new InputProblem(
                        person.problem.origin(), person.problem.reason() + " (this person's rows were skipped)"));
            } else {
                sink.accept(new RawTrajectory(
                        person.source, person.id, new ArrayList<>(person.steps.values()), person.origin));
            }
        }
    }

    /** The parser past the header row, or null (with the problem given) when the header is not one. */
    private static CSVParser header(CSVFormat format, Reader reader, Path file, Sink sink) throws IOException {
        try {
            return format.parse(reader);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            // An empty or repeated column name, an unclosed quote in the header.
            sink.problem(new InputProblem(
                    file + ":1",
                    "the header is not a list of column names (" + rootMessage(e) + "); expected "
                            + String.join(",", KNOWN) + "; the file was not read"));
            return null;
        }
    }

    private static boolean allUtf8(Path file, Sink sink) throws IOException {
        boolean ok = true;
        try (Utf8Lines lines = new Utf8Lines(file)) {
            while (lines.next()) {
                if (lines.text() == null) {
                    sink.problem(new InputProblem(
                            file + ":" + lines.number(), JsonLinesReader.NOT_UTF8 + "; the file was not read"));
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static String get(CSVRecord row, List<String> header, String column) {
        int index = header.indexOf(column);
        if (index < 0 || index >= row.size()) {
            return null;
        }
        String value = row.get(index);
        return value.isEmpty() ? null : value;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static final class Person {
        final String source;
        final String id;
        final String origin;
        final TreeMap<Integer, RawStep> steps = new TreeMap<>();
        InputProblem problem;

        Person(String source, String id, String origin) {
            this.source = source;
            this.id = id;
            this.origin = origin;
        }
    }
}
