package fr.passerelle.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * Outcomes by exit cohort ("millésime", as InserJeunes and InserSup publish them): for a step, a
 * horizon and the years its people left it in 3-year bins, the cohort observed that long and its
 * people in a job, in further study or elsewhere ({@code outcome-cohorts.csv}), so that a programme's
 * evolution is a released series. Counted by {@link ReleaseTables} (tables EXIT_COHORT and
 * EXIT_OUTCOME), released with the same k, noise and stable values as every cell, situations fitted
 * within their cohort. A bin below k is left out, and the answer says so: its people are in the
 * step's all-years outcomes.
 */
final class CohortOutcomes {
    static final String FILE = "outcome-cohorts.csv";

    static final int FIRST_YEAR = 2001;
    static final int YEARS = 3;
    static final String BEFORE = "before-" + FIRST_YEAR;
    /** The situations, in the table's {@code c} order. */
    static final List<String> SITUATIONS = SituationRows.SITUATIONS;

    private CohortOutcomes() {}

    /** The exit cohort bins, oldest first: {@code before-2001}, {@code 2001-2003}, ... up to the current years. */
    static List<String> bins() {
        Bins b = cachedBins;
        long now = System.currentTimeMillis();
        if (now >= b.validUntil()) {
            // Worked out again at most once a minute: asked for every counted step, building the list (and reading
            // the date) each time was a sixth of the publication's counting at 1M people.
            List<String> labels = new ArrayList<>();
            labels.add(BEFORE);
            for (int from = FIRST_YEAR; from <= Year.now().getValue() + YEARS; from += YEARS) {
                labels.add(from + "-" + (from + YEARS - 1));
            }
            b = new Bins(List.copyOf(labels), now + 60_000);
            cachedBins = b;
        }
        return b.labels();
    }

    private record Bins(List<String> labels, long validUntil) {}

    private static volatile Bins cachedBins = new Bins(List.of(), Long.MIN_VALUE);

    /** The bin index of an end month ({@code year*12 + month - 1}). */
    static int bin(int endMonth) {
        int year = endMonth / 12;
        if (year < FIRST_YEAR) {
            return 0;
        }
        return Math.min(bins().size() - 1, 1 + (year - FIRST_YEAR) / YEARS);
    }

    /** {@code b} coordinate of both tables: the horizon's index and the bin. */
    static int coordinate(int monthsIndex, int bin) {
        return monthsIndex * 64 + bin;
    }

    static int months(int coordinate) {
        return ReleaseCatalogue.OUTCOME_MONTHS.get(coordinate / 64);
    }

    static String binOf(int coordinate) {
        return bins().get(coordinate % 64);
    }

    /** Releases, fits and writes every exit-cohort cell of {@code keys}; returns the rows written. */
    static int write(Path dir, ReleaseTables t, long[] keys, List<String> stepIds, ReleasedValues values)
            throws IOException {
        Map<Long, Long[]> parts = SituationRows.parts(
                keys,
                ReleaseTables.EXIT_OUTCOME,
                ReleaseTables.EXIT_COHORT,
                t,
                key -> CellName.exitOutcome(
                        stepIds.get(ReleaseTables.a(key)),
                        months(ReleaseTables.b(key)),
                        binOf(ReleaseTables.b(key)),
                        SITUATIONS.get(ReleaseTables.c(key))),
                values);
        try (CSVPrinter out = SituationRows.printer(dir.resolve(FILE), "step", "months", "exitCohort")) {
            return SituationRows.write(
                    out,
                    parts,
                    key -> values.released(
                            t.get(key),
                            CellName.exitCohort(
                                    stepIds.get(ReleaseTables.a(key)),
                                    months(ReleaseTables.b(key)),
                                    binOf(ReleaseTables.b(key)))),
                    key -> List.of(
                            stepIds.get(ReleaseTables.a(key)),
                            months(ReleaseTables.b(key)),
                            binOf(ReleaseTables.b(key))),
                    values);
        }
    }
}
