package fr.passerelle.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * Where a step's leavers work, against the region they took it in ({@code mobility.csv}): for a step,
 * a horizon and the step's region (or {@code unknown}), the people in a job that long after its end,
 * those working in the same region, in another one and where the job's region is unknown (each counted
 * from records, never as a difference), and the regions the others went to. The figure observatories
 * call retention (the US PSEO's most used, the SIES' "emplois extérieurs à la région"). Counted by
 * {@link ReleaseTables} (tables MOBILITY_BASE, MOBILITY, MOBILITY_TO), released with the same k, noise
 * and stable values as every cell, parts fitted within their wholes: destinations within "other", the
 * three classes within the people working.
 */
final class Mobility {
    static final String FILE = "mobility.csv";
    static final int SAME = 0;
    static final int OTHER = 1;
    static final int UNKNOWN = 2;
    static final List<String> CLASSES = RegionSplit.CLASSES;

    private Mobility() {}

    /** Releases, fits and writes every mobility cell of {@code keys}; returns the rows written. */
    static int write(
            Path dir,
            ReleaseTables t,
            long[] keys,
            List<String> stepIds,
            List<String> regionCodes,
            ReleasedValues values)
            throws IOException {
        Map<Long, Long[]> classes = new TreeMap<>();
        Map<Long, Map<Integer, Long>> destinations = new HashMap<>();
        for (long key : keys) {
            int table = ReleaseTables.table(key);
            if (table == ReleaseTables.MOBILITY_BASE) {
                classes.computeIfAbsent(key, x -> new Long[3]);
                continue;
            }
            if (table != ReleaseTables.MOBILITY && table != ReleaseTables.MOBILITY_TO) {
                continue;
            }
            int step = ReleaseTables.a(key);
            int b = ReleaseTables.b(key);
            int c = ReleaseTables.c(key);
            String id = stepIds.get(step);
            int months = RegionalOutcomes.months(b);
            String region = RegionalOutcomes.region(b, regionCodes);
            long base = ReleaseTables.key(ReleaseTables.MOBILITY_BASE, step, b, 0);
            if (table == ReleaseTables.MOBILITY) {
                Long people = values.released(t.get(key), CellName.mobility(id, months, region, CLASSES.get(c)));
                if (people != null) {
                    classes.computeIfAbsent(base, x -> new Long[3])[c] = people;
                }
            } else {
                Long people = values.released(t.get(key), CellName.mobilityTo(id, months, region, regionCodes.get(c)));
                if (people != null) {
                    destinations.computeIfAbsent(base, x -> new TreeMap<>()).put(c, people);
                    classes.computeIfAbsent(base, x -> new Long[3]);
                }
            }
        }
        int rows = 0;
        try (CSVPrinter out =
                RegionSplit.printer(dir.resolve(FILE), "working", "destination", "step", "months", "region")) {
            for (Map.Entry<Long, Long[]> e : classes.entrySet()) {
                long key = e.getKey();
                int step = ReleaseTables.a(key);
                int b = ReleaseTables.b(key);
                String id = stepIds.get(step);
                int months = RegionalOutcomes.months(b);
                String region = RegionalOutcomes.region(b, regionCodes);
                rows += RegionSplit.write(
                        out,
                        List.of(id, months, region),
                        region.equals(RegionalOutcomes.UNKNOWN),
                        values.released(t.get(key), CellName.mobilityBase(id, months, region)),
                        e.getValue(),
                        destinations.getOrDefault(key, Map.of()),
                        "to",
                        regionCodes,
                        values);
            }
        }
        return rows;
    }
}
