package fr.passerelle.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads files (or in-memory records) and normalises each record, counting problems in a report.
 * Parsing and normalising run on all cores in chunks; results are delivered in input order, so "the
 * last version of a person wins" means the same thing as in a sequential read.
 */
final class TrajectoryInput {
    private static final int CHUNK = 8192;

    private final Normaliser normaliser;
    private final ImportReport report;

    TrajectoryInput(Normaliser normaliser, ImportReport report) {
        this.normaliser = normaliser;
        this.report = report;
    }

    /** What one record became: a trajectory, or a problem; plus what was dropped on the way. */
    private record Outcome(
            Trajectory trajectory,
            InputProblem problem,
            List<String> droppedFields,
            int droppedRegions,
            int droppedInstitutions) {}

    void readFile(Path file, Consumer<Trajectory> out) {
        TrajectoryReader reader = TrajectoryReader.forFile(file);
        try {
            if (reader instanceof JsonLinesReader) {
                readJsonLines(file, out);
            } else {
                readSequentially(reader, file, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void readJsonLines(Path file, Consumer<Trajectory> out) throws IOException {
        try (Utf8Lines in = new Utf8Lines(file)) {
            List<String> lines = new ArrayList<>(CHUNK);
            List<Integer> numbers = new ArrayList<>(CHUNK);
            while (in.next()) {
                String line = in.text();
                if (line != null && line.isBlank()) {
                    continue;
                }
                // A line that is not UTF-8 stays null here and becomes its own problem below.
                lines.add(line);
                numbers.add(in.number());
                if (lines.size() == CHUNK) {
                    deliver(parseChunk(file, lines, numbers), out);
                    lines.clear();
                    numbers.clear();
                }
            }
            deliver(parseChunk(file, lines, numbers), out);
        }
    }

    private List<Outcome> parseChunk(Path file, List<String> lines, List<Integer> numbers) {
        List<Integer> indexes =
                java.util.stream.IntStream.range(0, lines.size()).boxed().toList();
        return inCommonPool(() -> indexes.parallelStream()
                .map(i -> {
                    String origin = file + ":" + numbers.get(i);
                    List<String> dropped = new ArrayList<>(0);
                    if (lines.get(i) == null) {
                        return new Outcome(null, new InputProblem(origin, JsonLinesReader.NOT_UTF8), dropped, 0, 0);
                    }
                    try {
                        RawTrajectory raw = JsonLinesReader.parse(lines.get(i), origin, dropped::add);
                        return outcome(raw, dropped);
                    } catch (InvalidRecordException e) {
                        return new Outcome(null, new InputProblem(origin, e.getMessage()), dropped, 0, 0);
                    }
                })
                .toList());
    }

    private void readSequentially(TrajectoryReader reader, Path file, Consumer<Trajectory> out) throws IOException {
        List<RawTrajectory> chunk = new ArrayList<>(CHUNK);
        reader.read(file, new TrajectoryReader.Sink() {
            @Override
            public void accept(RawTrajectory trajectory) {
                chunk.add(trajectory);
                if (chunk.size() == CHUNK) {
                    flush(chunk, out);
                }
            }

            @Override
            public void problem(InputProblem problem) {
                flush(chunk, out);
                report.records++;
                report.problem(problem);
            }

            @Override
            public void droppedField(String name) {
                report.droppedField(name);
            }
        });
        flush(chunk, out);
    }

    /** Normalises records already read (in memory, or from a CSV file). */
    void normalise(Iterable<RawTrajectory> records, Consumer<Trajectory> out) {
        List<RawTrajectory> chunk = new ArrayList<>(CHUNK);
        for (RawTrajectory raw : records) {
            chunk.add(raw);
            if (chunk.size() == CHUNK) {
                flush(chunk, out);
            }
        }
        flush(chunk, out);
    }

    private void flush(List<RawTrajectory> chunk, Consumer<Trajectory> out) {
        if (chunk.isEmpty()) {
            return;
        }
        deliver(
                inCommonPool(() -> chunk.parallelStream()
                        .map(raw -> outcome(raw, List.of()))
                        .toList()),
                out);
        chunk.clear();
    }

    /**
     * Runs a parallel stream in the common pool, whoever calls. A parallel stream started on a thread of another
     * fork-join pool forks into that pool instead; under JUnit's parallel executor (a fork-join pool of two), a test
     * that imports then waited forever for parts queued behind a worker blocked on another class (CI, session 19).
     */
    private static <T> T inCommonPool(java.util.function.Supplier<T> work) {
        if (!(Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread worker)
                || worker.getPool() == java.util.concurrent.ForkJoinPool.commonPool()) {
            return work.get();
        }
        return java.util.concurrent.ForkJoinPool.commonPool().submit(work::get).join();
    }

    private Outcome outcome(RawTrajectory raw, List<String> dropped) {
        int[] regions = {0, 0};
        try {
            Trajectory t = normaliser.normalise(raw, () -> regions[0]++, () -> regions[1]++);
            return new Outcome(t, null, dropped, regions[0], regions[1]);
        } catch (InvalidRecordException e) {
            return new Outcome(null, new InputProblem(raw.origin(), e.getMessage()), dropped, regions[0], regions[1]);
        }
    }

    private void deliver(List<Outcome> outcomes, Consumer<Trajectory> out) {
        for (Outcome o : outcomes) {
            report.records++;
            report.droppedRegions += o.droppedRegions();
            report.droppedInstitutions += o.droppedInstitutions();
            o.droppedFields().forEach(report::droppedField);
            if (o.problem() != null) {
                report.problem(o.problem());
            } else {
                out.accept(o.trajectory());
            }
        }
    }
}
