package fr.passerelle.publish;

import fr.passerelle.privacy.Share;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * "How likely, and how long" ({@code reach.csv}): of the people who started a step and were observed long
 * enough after its start, how many had started a given job (or any job of a ROME domain) within 12, 24, 36, 60
 * and 120 months, and the median months from the step's start to the job's start of everyone seen reaching it.
 * Censoring as outcomes handle it: each horizon's denominator is the people observed that long, so the shares of
 * two horizons are of different people. Counted by {@link ReleaseTables} (REACH_BASE, REACH, REACH_TIME) at the
 * first passage through the step and the first start of the job (or domain) after it; released with the same k,
 * noise and stable values as every cell, each horizon's observed people at least its reached ones.
 */
final class Reaches {
    static final String FILE = "reach.csv";
    /** Months after the start of the step. */
    static final List<Integer> MONTHS = ReleaseCatalogue.REACH_MONTHS;
    /** A domain as a target: b = DOMAIN + the domain's index (job steps' indexes stay below it). */
    static final int DOMAIN = 0xFF00;

    private Reaches() {}

    static String target(int b, List<String> stepIds, List<String> domainCodes) {
        return b >= DOMAIN ? domainCodes.get(b - DOMAIN) : stepIds.get(b);
    }

    /** Releases, fits and writes every reach cell of {@code keys}; returns the rows written. */
    static int write(
            Path dir,
            ReleaseTables t,
            long[] keys,
            List<String> stepIds,
            List<String> domainCodes,
            ReleasedValues values)
            throws IOException {
        Map<Long, Long> observed = new TreeMap<>();
        Map<Long, Long> reached = new TreeMap<>();
        Map<Long, ReleasedValues.WithMedian> times = new TreeMap<>();
        for (long key : keys) {
            int table = ReleaseTables.table(key);
            int a = ReleaseTables.a(key);
            int b = ReleaseTables.b(key);
            int c = ReleaseTables.c(key);
            switch (table) {
                case ReleaseTables.REACH_BASE ->
                    observed.put(
                            key, values.released(t.get(key), CellName.reachObserved(stepIds.get(a), MONTHS.get(b))));
                case ReleaseTables.REACH -> {
                    Long people = values.released(
                            t.get(key), CellName.reach(stepIds.get(a), target(b, stepIds, domainCodes), MONTHS.get(c)));
                    if (people != null) {
                        reached.put(key, people);
                    }
                }
                case ReleaseTables.REACH_TIME ->
                    times.put(
                            key,
                            values.withMedian(
                                    t.get(key), CellName.reachTime(stepIds.get(a), target(b, stepIds, domainCodes))));
                default -> {}
            }
        }
        int rows = 0;
        try (CSVPrinter out = Publisher.printer(
                dir.resolve(FILE),
                "step",
                "target",
                "months",
                "observed",
                "people",
                "share",
                "shareLow",
                "shareHigh",
                "reached",
                "medianMonths")) {
            for (Map.Entry<Long, Long> e : reached.entrySet()) {
                long key = e.getKey();
                int a = ReleaseTables.a(key);
                int b = ReleaseTables.b(key);
                int h = ReleaseTables.c(key);
                Long base = PartsWithinWhole.atLeast(
                        observed.get(ReleaseTables.key(ReleaseTables.REACH_BASE, a, h, 0)), e.getValue());
                if (base == null) {
                    continue;
                }
                Share share = values.share(e.getValue(), base);
                ReleasedValues.WithMedian time = times.getOrDefault(
                        ReleaseTables.key(ReleaseTables.REACH_TIME, a, b, 0), ReleasedValues.WithMedian.NONE);
                // Everyone seen reaching it: at least those reached within any one horizon.
                Long all = PartsWithinWhole.atLeast(time.people(), e.getValue());
                out.printRecord(
                        stepIds.get(a),
                        target(b, stepIds, domainCodes),
                        MONTHS.get(h),
                        base,
                        e.getValue(),
                        share == null ? null : share.value(),
                        share == null ? null : share.low(),
                        share == null ? null : share.high(),
                        all,
                        time.people() == null ? null : time.median());
                rows++;
            }
        }
        return rows;
    }
}
