package fr.passerelle.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a file of trajectories, handing each well-formed record or each problem to the sink. */
public interface TrajectoryReader {

    void read(Path file, Sink sink) throws IOException;

    /** Receives what a reader finds, in file order. */
    interface Sink {
        void accept(RawTrajectory trajectory);

        void problem(InputProblem problem);

        /** A field that is not part of the format: dropped, only its name is counted. */
        void droppedField(String name);

        /** A sink for records and problems that does not count dropped fields. */
        static Sink of(
                java.util.function.Consumer<RawTrajectory> records,
                java.util.function.Consumer<InputProblem> problems) {
            return new Sink() {
                @Override
                public void accept(RawTrajectory trajectory) {
                    records.accept(trajectory);
                }

                @Override
                public void problem(InputProblem problem) {
                    problems.accept(problem);
                }

                @Override
                public void droppedField(String name) {}
            };
        }
    }

    /** The reader for a file, chosen by its extension. */
    static TrajectoryReader forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return new JsonLinesReader();
        }
        if (name.endsWith(".csv")) {
            return new CsvTrajectoryReader();
        }
        throw new IllegalArgumentException(file + ": unknown format; use .jsonl (JSON Lines) or .csv (one step a row)");
    }
}
