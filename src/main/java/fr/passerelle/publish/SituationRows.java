package fr.passerelle.publish;

import fr.passerelle.privacy.Share;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.apache.commons.csv.CSVPrinter;

/**
 * A cohort and its people in a job, in further study or elsewhere, as the exit-cohort, family and
 * regional tables release them: each situation cell released on its own, the cohort raised to the sum
 * of its released situations, one CSV row per released situation with its share of the cohort.
 */
final class SituationRows {
    /** The situations, in the {@code c} order of the tables' situation cells. */
    static final List<String> SITUATIONS = List.of("job", "study", "other");

    private SituationRows() {}

    /** A situation table's file: {@code prefix} columns naming the cohort, then the columns {@link #write} fills. */
    static CSVPrinter printer(java.nio.file.Path file, String... prefix) throws IOException {
        List<String> header = new ArrayList<>(List.of(prefix));
        header.addAll(List.of("cohort", "situation", "people", "share", "shareLow", "shareHigh"));
        return Publisher.printer(file, header.toArray(String[]::new));
    }

    /**
     * The released situations of every {@code partTable} cell of {@code keys}, by the key of their cohort
     * in {@code cohortTable} (same a and b, c 0); {@code name} gives a situation cell's name from its key.
     */
    static Map<Long, Long[]> parts(
            long[] keys,
            int partTable,
            int cohortTable,
            ReleaseTables t,
            LongFunction<String> name,
            ReleasedValues values) {
        Map<Long, Long[]> parts = new TreeMap<>();
        for (long key : keys) {
            if (ReleaseTables.table(key) != partTable) {
                continue;
            }
            Long people = values.released(t.get(key), name.apply(key));
            if (people != null) {
                parts.computeIfAbsent(
                                ReleaseTables.key(cohortTable, ReleaseTables.a(key), ReleaseTables.b(key), 0),
                                x -> new Long[SITUATIONS.size()])[ReleaseTables.c(key)] = people;
            }
        }
        return parts;
    }

    /**
     * Writes, for each cohort of {@code parts} whose released value ({@code cohort}) is not withheld, the
     * {@code prefix} columns then cohort, situation, people, share, shareLow, shareHigh for each released
     * situation; returns the rows written.
     */
    static int write(
            CSVPrinter out,
            Map<Long, Long[]> parts,
            LongFunction<Long> cohort,
            LongFunction<List<Object>> prefix,
            ReleasedValues values)
            throws IOException {
        int rows = 0;
        for (Map.Entry<Long, Long[]> e : parts.entrySet()) {
            Long whole = PartsWithinWhole.fit(cohort.apply(e.getKey()), e.getValue());
            if (whole == null) {
                continue;
            }
            for (int s = 0; s < SITUATIONS.size(); s++) {
                Long people = e.getValue()[s];
                if (people == null) {
                    continue;
                }
                Share share = values.share(people, whole);
                List<Object> row = new ArrayList<>(prefix.apply(e.getKey()));
                row.add(whole);
                row.add(SITUATIONS.get(s));
                row.add(people);
                row.add(share == null ? null : share.value());
                row.add(share == null ? null : share.low());
                row.add(share == null ? null : share.high());
                out.printRecord(row);
                rows++;
            }
        }
        return rows;
    }
}
