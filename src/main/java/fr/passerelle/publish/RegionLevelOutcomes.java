package fr.passerelle.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * What became of a region's leavers of each education level ({@code region-levels.csv}), 12 and 24
 * months after the end: the level's family ({@link Families}, a person once, at the first step of that
 * level they left) by the region of that step, or {@code unknown}. Set beside the level's national figure
 * ({@code families.csv}, group level), it is the observatories' "our CAP leavers against the nation".
 * Counted by {@link ReleaseTables} (tables REGION_LEVEL_COHORT and REGION_LEVEL_OUTCOME) from the records,
 * never summed from the steps' figures, with the same k, noise and stable values as every cell.
 */
final class RegionLevelOutcomes {
    static final String FILE = "region-levels.csv";

    private RegionLevelOutcomes() {}

    /** Releases, fits and writes every region-level cell of {@code keys}; returns the rows written. */
    static int write(
            Path dir, ReleaseTables t, long[] keys, Families families, List<String> regionCodes, ReleasedValues values)
            throws IOException {
        Map<Long, Long[]> parts = SituationRows.parts(
                keys,
                ReleaseTables.REGION_LEVEL_OUTCOME,
                ReleaseTables.REGION_LEVEL_COHORT,
                t,
                key -> CellName.regionLevelOutcome(
                        families.get(ReleaseTables.a(key)).level(),
                        RegionalOutcomes.months(ReleaseTables.b(key)),
                        RegionalOutcomes.region(ReleaseTables.b(key), regionCodes),
                        SituationRows.SITUATIONS.get(ReleaseTables.c(key))),
                values);
        try (CSVPrinter out = SituationRows.printer(dir.resolve(FILE), "level", "months", "region")) {
            return SituationRows.write(
                    out,
                    parts,
                    key -> values.released(
                            t.get(key),
                            CellName.regionLevelCohort(
                                    families.get(ReleaseTables.a(key)).level(),
                                    RegionalOutcomes.months(ReleaseTables.b(key)),
                                    RegionalOutcomes.region(ReleaseTables.b(key), regionCodes))),
                    key -> List.of(
                            families.get(ReleaseTables.a(key)).level(),
                            RegionalOutcomes.months(ReleaseTables.b(key)),
                            RegionalOutcomes.region(ReleaseTables.b(key), regionCodes)),
                    values);
        }
    }
}
