package fr.passerelle.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * What became of a step's leavers by the region they took it in ({@code region-outcomes.csv}): for a
 * step, a horizon and a region (or {@code unknown}, a class of its own), the cohort observed that long
 * and its people in a job, in further study or elsewhere, so that an observatory reads its region's
 * programmes against the nation. One dimension more than {@code outcomes} and only one: situations are
 * job / study / other, never by domain, and never by period. Counted by {@link ReleaseTables} (tables
 * REGION_COHORT and REGION_OUTCOME) with the same k, noise and stable values as every cell, situations
 * fitted within their cohort; a region below k is left out and the answer falls back to the nation,
 * saying so.
 */
public final class RegionalOutcomes {
    static final String FILE = "region-outcomes.csv";
    static final String UNKNOWN = "unknown";
    /** How the regional tables name the people whose region was not collected (a class of its own). */
    public static final String UNKNOWN_REGION = UNKNOWN;
    /**
     * The horizons the regional tables (and mobility) hold: 12 and 24 months, the observatories' own. Each
     * regional horizon is one more breakdown a reader can set against the nation's, so no more are released.
     */
    public static final List<Integer> MONTHS = List.of(12, 24);
    /** By outcome horizon index: whether the regional tables count it. */
    static final boolean[] HORIZONS = horizons();

    private static boolean[] horizons() {
        boolean[] h = new boolean[ReleaseCatalogue.OUTCOME_MONTHS.size()];
        for (int m = 0; m < h.length; m++) {
            h[m] = MONTHS.contains(ReleaseCatalogue.OUTCOME_MONTHS.get(m));
        }
        return h;
    }

    static final List<String> SITUATIONS = SituationRows.SITUATIONS;
    /** Region indexes 0..30 are regions; 31 is the unknown region. */
    private static final int UNKNOWN_INDEX = 31;

    private RegionalOutcomes() {}

    /** {@code b} coordinate of both tables: the horizon's index and the region's (-1: unknown). */
    static int coordinate(int monthsIndex, int region) {
        if (region > UNKNOWN_INDEX - 1) {
            throw new IllegalStateException("more regions than the regional tables' coordinate holds: " + region);
        }
        return monthsIndex * 32 + (region < 0 ? UNKNOWN_INDEX : region);
    }

    static int months(int coordinate) {
        return ReleaseCatalogue.OUTCOME_MONTHS.get(coordinate / 32);
    }

    static String region(int coordinate, List<String> regionCodes) {
        int r = coordinate % 32;
        return r == UNKNOWN_INDEX ? UNKNOWN : regionCodes.get(r);
    }

    /** Releases, fits and writes every regional cell of {@code keys}; returns the rows written. */
    static int write(
            Path dir,
            ReleaseTables t,
            long[] keys,
            List<String> stepIds,
            List<String> regionCodes,
            ReleasedValues values)
            throws IOException {
        Map<Long, Long[]> parts = SituationRows.parts(
                keys,
                ReleaseTables.REGION_OUTCOME,
                ReleaseTables.REGION_COHORT,
                t,
                key -> CellName.regionOutcome(
                        stepIds.get(ReleaseTables.a(key)),
                        months(ReleaseTables.b(key)),
                        region(ReleaseTables.b(key), regionCodes),
                        SITUATIONS.get(ReleaseTables.c(key))),
                values);
        try (CSVPrinter out = SituationRows.printer(dir.resolve(FILE), "step", "months", "region")) {
            return SituationRows.write(
                    out,
                    parts,
                    key -> values.released(
                            t.get(key),
                            CellName.regionCohort(
                                    stepIds.get(ReleaseTables.a(key)),
                                    months(ReleaseTables.b(key)),
                                    region(ReleaseTables.b(key), regionCodes))),
                    key -> List.of(
                            stepIds.get(ReleaseTables.a(key)),
                            months(ReleaseTables.b(key)),
                            region(ReleaseTables.b(key), regionCodes)),
                    values);
        }
    }
}
