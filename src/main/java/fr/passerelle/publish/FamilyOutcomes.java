package fr.passerelle.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    static final List<String> SITUATIONS = SituationRows.SITUATIONS;

    private FamilyOutcomes() {}

    /** Releases, fits and writes every family cell of {@code keys}; returns the rows written. */
    static int write(Path dir, ReleaseTables t, long[] keys, Families families, ReleasedValues values)
            throws IOException {
        Map<Long, Long[]> parts = SituationRows.parts(
                keys,
                ReleaseTables.FAMILY_OUTCOME,
                ReleaseTables.FAMILY_COHORT,
                t,
                key -> CellName.familyOutcome(
                        families.get(ReleaseTables.a(key)).name(),
                        ReleaseCatalogue.OUTCOME_MONTHS.get(ReleaseTables.b(key)),
                        SITUATIONS.get(ReleaseTables.c(key))),
                values);
        try (CSVPrinter out =
                SituationRows.printer(dir.resolve(FILE), "family", "group", "level", "code", "steps", "months")) {
            return SituationRows.write(
                    out,
                    parts,
                    key -> values.released(
                            t.get(key),
                            CellName.familyCohort(
                                    families.get(ReleaseTables.a(key)).name(),
                                    ReleaseCatalogue.OUTCOME_MONTHS.get(ReleaseTables.b(key)))),
                    key -> {
                        Families.Family family = families.get(ReleaseTables.a(key));
                        return java.util.Arrays.asList(
                                family.name(),
                                family.group(),
                                family.level(),
                                family.code(),
                                String.join("|", family.steps()),
                                ReleaseCatalogue.OUTCOME_MONTHS.get(ReleaseTables.b(key)));
                    },
                    values);
        }
    }
}
