package fr.passerelle.publish;

import fr.passerelle.privacy.Share;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * The "carrefour" ({@code forks.csv}): from a step, each road its leavers took (the next step, and "a job in
 * another domain directly" as one road of its own) and what became of the people of each road 12, 24 and 36
 * months after they left the step: a job in the step's field, another job, further study or something else.
 * Everyone on a road started from the same step, which removes much of the selection that ruins comparisons of
 * programmes whoever entered them; still what became of people, never what a road causes.
 *
 * <p>The field: the step's target jobs and their professional field where the catalogue names target jobs
 * ({@link FitTargets} target or same field), else the step's own domain. Counted by {@link ReleaseTables} (tables
 * FORK_ROAD, FORK) at the first passage through the step, released with the same k, noise and stable values as
 * every cell, the road's people raised to its situations added up.
 */
final class Forks {
    static final String FILE = "forks.csv";
    /** Months after the end of the step. */
    static final List<Integer> MONTHS = ReleaseCatalogue.FORK_MONTHS;
    /** The situations, in the {@code c % 4} order of the FORK cells. */
    static final List<String> SITUATIONS = ReleaseCatalogue.FORK_SITUATIONS;

    static final int JOB_IN_FIELD = 0;
    static final int JOB_OTHER = 1;
    static final int STUDY = 2;
    static final int OTHER = 3;
    /** The road "a job in another domain directly", beside the next steps (b of its cells). */
    static final int OTHER_DOMAIN_JOB = 0xFFFF;
    /** Its name in the file and the answers. */
    static final String OTHER_DOMAIN_JOB_NAME = "otherDomainJob";

    private Forks() {}

    /** Slots from here on are "after": {@code AFTER + i} holds the people whose step before was step i. */
    static final int AFTER = 8;

    /**
     * A road cell's c: the slot (0: everyone who left the step; 1 + a "since" bin of {@link ReleaseCatalogue}: those
     * who spent that long at it; {@link #AFTER} + a step's index: those who came from that step; one dimension at a
     * time, as {@code next} conditions) and the horizon's index.
     */
    static long roadCell(int slot, int m) {
        return (long) slot << 2 | m;
    }

    /** A situation cell's c: the slot, the horizon's index and the situation. */
    static long situationCell(int slot, int m, int situation) {
        return (long) slot << 4 | (m * 4L + situation);
    }

    /** The "since" bin of a slot, null for everyone and for "after" slots. */
    static String since(int slot) {
        return slot == 0 || slot >= AFTER ? null : ReleaseCatalogue.sinceBins().get(slot - 1);
    }

    /** The step before of an "after" slot, null for the others. */
    static String after(int slot, List<String> stepIds) {
        return slot >= AFTER ? stepIds.get(slot - AFTER) : null;
    }

    static String road(int b, List<String> stepIds) {
        return b == OTHER_DOMAIN_JOB ? OTHER_DOMAIN_JOB_NAME : stepIds.get(b);
    }

    /** Releases, fits and writes every fork cell of {@code keys}; returns the rows written. */
    static int write(Path dir, ReleaseTables t, long[] keys, List<String> stepIds, ReleasedValues values)
            throws IOException {
        Map<Long, Long> roads = new TreeMap<>();
        Map<Long, Long[]> situations = new TreeMap<>();
        for (long key : keys) {
            int table = ReleaseTables.table(key);
            if (table != ReleaseTables.FORK_ROAD && table != ReleaseTables.FORK) {
                continue;
            }
            int a = ReleaseTables.a(key);
            int b = ReleaseTables.b(key);
            int c = ReleaseTables.c(key);
            String step = stepIds.get(a);
            String road = road(b, stepIds);
            if (table == ReleaseTables.FORK_ROAD) {
                roads.put(
                        key,
                        values.released(
                                t.get(key),
                                CellName.forkRoad(
                                        step, road, MONTHS.get(c & 3), since(c >> 2), after(c >> 2, stepIds))));
            } else {
                int slot = c >> 4;
                int rest = c & 15;
                Long people = values.released(
                        t.get(key),
                        CellName.fork(
                                step,
                                road,
                                MONTHS.get(rest / 4),
                                SITUATIONS.get(rest % 4),
                                since(slot),
                                after(slot, stepIds)));
                if (people != null) {
                    situations
                            .computeIfAbsent(
                                    ReleaseTables.key(ReleaseTables.FORK_ROAD, a, b, roadCell(slot, rest / 4)),
                                    x -> new Long[SITUATIONS.size()])[rest % 4] = people;
                }
            }
        }
        int rows = 0;
        try (CSVPrinter out = SituationRows.printer(dir.resolve(FILE), "step", "road", "months", "since", "after")) {
            for (Map.Entry<Long, Long[]> e : situations.entrySet()) {
                long key = e.getKey();
                Long whole = PartsWithinWhole.fit(roads.get(key), e.getValue());
                if (whole == null) {
                    continue;
                }
                for (int s = 0; s < SITUATIONS.size(); s++) {
                    Long people = e.getValue()[s];
                    if (people == null) {
                        continue;
                    }
                    Share share = values.share(people, whole);
                    out.printRecord(
                            stepIds.get(ReleaseTables.a(key)),
                            road(ReleaseTables.b(key), stepIds),
                            MONTHS.get(ReleaseTables.c(key) & 3),
                            since(ReleaseTables.c(key) >> 2),
                            after(ReleaseTables.c(key) >> 2, stepIds),
                            whole,
                            SITUATIONS.get(s),
                            people,
                            share == null ? null : share.value(),
                            share == null ? null : share.low(),
                            share == null ? null : share.high());
                    rows++;
                }
            }
        }
        return rows;
    }
}
