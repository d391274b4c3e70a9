package fr.passerelle.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * Where people took their first job against where they were trained ({@code first-job-flows.csv}): for an
 * education level (0: every level) and a region, the first jobs of the people whose last education step
 * before them was there (direction {@code out}) and the first jobs taken there (direction {@code in}), each
 * split into the same region, another one and an unknown one (each counted from records, never as a
 * difference), with the other regions named. Retention, departures and arrivals of a region's young
 * graduates, the observatories' "flux d'entrée et de sortie". A person counts once per level (their first
 * job only). Counted by {@link ReleaseTables} (table FIRST_JOB) with the same k, noise and stable values as
 * every cell, parts fitted within their wholes: named regions within "other", the three classes within the
 * first jobs. The pair "trained in A, first job in B" is one set of people read from either side, so its
 * two rows hold one released value.
 */
final class FirstJobFlows {
    static final String FILE = "first-job-flows.csv";
    static final int OUT = 0;
    static final int IN = 1;
    static final List<String> DIRECTIONS = List.of("out", "in");
    static final int BASE = 0;
    static final int SAME = 1;
    static final int OTHER = 2;
    static final int UNKNOWN = 3;
    /** c from REGIONS on: the other end's region index. */
    static final int REGIONS = 4;

    /** c 1..3 name the classes of {@link RegionSplit}; c 0 is the whole. */
    private static final List<String> CLASSES = List.of("all", "same", "other", "unknown");

    private static final int UNKNOWN_REGION = 31;

    private FirstJobFlows() {}

    /** {@code b} of the table: the direction and the region (-1: unknown). */
    static int coordinate(int direction, int region) {
        if (region >= UNKNOWN_REGION) {
            throw new IllegalStateException("more regions than the first-job table's coordinate holds: " + region);
        }
        return direction * 32 + (region < 0 ? UNKNOWN_REGION : region);
    }

    static String direction(int coordinate) {
        return DIRECTIONS.get(coordinate / 32);
    }

    static String region(int coordinate, List<String> regionCodes) {
        int r = coordinate % 32;
        return r == UNKNOWN_REGION ? RegionalOutcomes.UNKNOWN : regionCodes.get(r);
    }

    /** A part's cell name: a pair of regions is named the same from either end (one set of people, one value). */
    private static String name(int level, int b, int c, List<String> regionCodes) {
        String here = region(b, regionCodes);
        if (c == OTHER || c == UNKNOWN) {
            return CellName.firstJobsPart(level, direction(b), here, CLASSES.get(c));
        }
        String there = c == SAME ? here : regionCodes.get(c - REGIONS);
        return b / 32 == OUT ? CellName.firstJobsPair(level, here, there) : CellName.firstJobsPair(level, there, here);
    }

    /** Releases, fits and writes every first-job cell of {@code keys}; returns the rows written. */
    static int write(Path dir, ReleaseTables t, long[] keys, List<String> regionCodes, ReleasedValues values)
            throws IOException {
        Map<Long, Long[]> classes = new TreeMap<>();
        Map<Long, Map<Integer, Long>> others = new HashMap<>();
        for (long key : keys) {
            if (ReleaseTables.table(key) != ReleaseTables.FIRST_JOB) {
                continue;
            }
            int level = ReleaseTables.a(key);
            int b = ReleaseTables.b(key);
            int c = ReleaseTables.c(key);
            long base = ReleaseTables.key(ReleaseTables.FIRST_JOB, level, b, BASE);
            if (c == BASE) {
                classes.computeIfAbsent(base, x -> new Long[3]);
                continue;
            }
            Long people = values.released(t.get(key), name(level, b, c, regionCodes));
            if (people == null) {
                continue;
            }
            Long[] parts = classes.computeIfAbsent(base, x -> new Long[3]);
            if (c >= REGIONS) {
                others.computeIfAbsent(base, x -> new TreeMap<>()).put(c - REGIONS, people);
            } else {
                parts[c - SAME] = people;
            }
        }
        int rows = 0;
        try (CSVPrinter out =
                RegionSplit.printer(dir.resolve(FILE), "firstJobs", "otherRegion", "level", "direction", "region")) {
            for (Map.Entry<Long, Long[]> e : classes.entrySet()) {
                long key = e.getKey();
                int level = ReleaseTables.a(key);
                int b = ReleaseTables.b(key);
                String direction = direction(b);
                String region = region(b, regionCodes);
                rows += RegionSplit.write(
                        out,
                        List.of(level, direction, region),
                        region.equals(RegionalOutcomes.UNKNOWN),
                        values.released(t.get(key), CellName.firstJobs(level, direction, region)),
                        e.getValue(),
                        others.getOrDefault(key, Map.of()),
                        "region",
                        regionCodes,
                        values);
            }
        }
        return rows;
    }
}
