package fr.passerelle.publish;

import fr.passerelle.privacy.Share;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * What became of the leavers of each {@link Families} family, 6 to 36 months after the end
 * ({@code families.csv}): the benchmark a programme is set beside (its field at its level, its domain
 * at its level, its level nationally). Counted by {@link ReleaseTables} from the records (tables
 * FAMILY_COHORT and FAMILY_OUTCOME: a person once per family), released with the same k, noise and
 * stable values as every cell, situations fitted within their cohort. A family is released whole or
 * not at all by cell, like a step: nothing here is a sum of released step figures, so no reader can
 * subtract one.
 */
final class FamilyOutcomes {
    static final String FILE = "families.csv";
    static final List<String> SITUATIONS = List.of("job", "study", "other");

    private FamilyOutcomes() {}

    /** Releases, fits and writes every family cell of {@code keys}; returns the rows written. */
    static int write(Path dir, ReleaseTables t, long[] keys, Families families, ReleasedValues values)
            throws IOException {
        Map<Long, Long[]> parts = new TreeMap<>();
        for (long key : keys) {
            if (ReleaseTables.table(key) != ReleaseTables.FAMILY_OUTCOME) {
                continue;
            }
            int family = ReleaseTables.a(key);
            int m = ReleaseTables.b(key);
            int c = ReleaseTables.c(key);
            Long people = values.released(
                    t.get(key),
                    CellName.familyOutcome(
                            families.get(family).name(), ReleaseCatalogue.OUTCOME_MONTHS.get(m), SITUATIONS.get(c)));
            if (people != null) {
                parts.computeIfAbsent(ReleaseTables.key(ReleaseTables.FAMILY_COHORT, family, m, 0), x -> new Long[3])[
                        c] = people;
            }
        }
        int rows = 0;
        try (CSVPrinter out = Publisher.printer(
                dir.resolve(FILE),
                "family",
                "group",
                "level",
                "code",
                "steps",
                "months",
                "cohort",
                "situation",
                "people",
                "share",
                "shareLow",
                "shareHigh")) {
            for (Map.Entry<Long, Long[]> e : parts.entrySet()) {
                long key = e.getKey();
                Families.Family family = families.get(ReleaseTables.a(key));
                int months = ReleaseCatalogue.OUTCOME_MONTHS.get(ReleaseTables.b(key));
                Long cohort = PartsWithinWhole.fit(
                        values.released(t.get(key), CellName.familyCohort(family.name(), months)), e.getValue());
                if (cohort == null) {
                    continue;
                }
                for (int s = 0; s < SITUATIONS.size(); s++) {
                    Long people = e.getValue()[s];
                    if (people == null) {
                        continue;
                    }
                    Share share = values.share(people, cohort);
                    out.printRecord(
                            family.name(),
                            family.group(),
                            family.level(),
                            family.code(),
                            String.join("|", family.steps()),
                            months,
                            cohort,
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
