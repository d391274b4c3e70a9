package fr.passerelle.publish;

import fr.passerelle.privacy.Share;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * An establishment's own figures, by the UAI its people's education steps name: its programmes' people
 * by entry cohort, their leavers' situations 6 to 36 months after by exit cohort, and where its
 * leavers went next. Counted by {@link ReleaseTables} (tables INSTITUTION_*) from the records, with the
 * same k, noise and stable values as every cell, parts fitted within their whole.
 *
 * <p>Written to the release's {@link #PART} folder, never to its open files: the API's store loads them
 * ({@link #LOAD_ORDER}) and only the establishment's own key reads them; the analysts' store, the
 * open-data export and anonymous answers never do, since a public "nation minus one establishment" would
 * be a differencing handle on the establishment's people.
 */
public final class InstitutionTables {
    /** The release's private part: a folder inside the release, so that it appears and goes with it. */
    public static final String PART = "private";

    static final String INSTITUTIONS = "institutions.csv";
    static final String PROGRAMMES = "institution-programmes.csv";
    static final String OUTCOMES = "institution-outcomes.csv";
    static final String NEXT = "institution-next.csv";
    static final String FIT = "institution-fit.csv";
    static final List<String> FILES = List.of(INSTITUTIONS, PROGRAMMES, OUTCOMES, NEXT, FIT);

    /** The fit classes of a job (INSTITUTION_FIT's c % 4), as the national fit names them. */
    static final List<String> FIT_CLASSES = FitTargets.SITUATIONS.subList(0, 4);

    /** The statements that load the private part into the API's store, after {@link Publisher#LOAD_ORDER}. */
    public static final List<String> LOAD_ORDER = List.of(
            // First: every row below finds its establishment by UAI (last, each row scanned every establishment: at 1M
            // people the outcomes' load ran past the store's one-minute limit).
            "published/schema-institution-uai",
            "published/load-institutions",
            "published/load-institution-programmes",
            "published/load-institution-outcomes",
            "published/load-institution-next",
            "published/load-institution-fit");

    static final String ALL = "all";

    private InstitutionTables() {}

    /** The entry or exit cohort a {@code b} bin stands for. */
    static String cohort(int bin) {
        return bin == ReleaseTables.ALL_YEARS ? ALL : CohortOutcomes.bins().get(bin);
    }

    /** Releases, fits and writes every establishment cell of {@code keys} into {@code release}/{@link #PART}. */
    static void write(
            Path release,
            ReleaseTables t,
            long[] keys,
            List<String> stepIds,
            List<String> institutions,
            ReleasedValues values)
            throws IOException {
        Path dir = Files.createDirectories(release.resolve(PART));
        Map<Long, Long> leaving = new TreeMap<>();
        Map<Long, Map<Integer, Long>> next = new TreeMap<>();
        Map<Long, Long[]> situations = new TreeMap<>();
        // INSTITUTION_COHORT key -> the released people of each fit class of its people in a job.
        Map<Long, Long[]> fits = new TreeMap<>();
        // Per programme (its every-year key): the released people of every entry cohort, and of every year last.
        Map<Long, Long[]> programmes = new TreeMap<>();
        int bins = CohortOutcomes.bins().size();
        try (CSVPrinter everyone = Publisher.printer(dir.resolve(INSTITUTIONS), "uai", "people")) {
            for (long key : keys) {
                int table = ReleaseTables.table(key);
                int a = ReleaseTables.a(key);
                int b = ReleaseTables.b(key);
                int c = ReleaseTables.c(key);
                switch (table) {
                    case ReleaseTables.INSTITUTION_EVERYONE -> {
                        String uai = institutions.get(c);
                        // Every establishment is listed (its administrators need to know it exists); fewer than k: no
                        // count.
                        everyone.printRecord(uai, values.released(t.get(key), CellName.institution(uai)));
                    }
                    case ReleaseTables.INSTITUTION_PEOPLE -> {
                        String uai = institutions.get(c);
                        Long people =
                                values.released(t.get(key), CellName.institutionPeople(uai, stepIds.get(a), cohort(b)));
                        if (people != null) {
                            programmes
                                    .computeIfAbsent(
                                            ReleaseTables.key(table, a, ReleaseTables.ALL_YEARS, c),
                                            x -> new Long[bins + 1])[b == ReleaseTables.ALL_YEARS ? bins : b] = people;
                        }
                    }
                    case ReleaseTables.INSTITUTION_LEAVING ->
                        leaving.put(
                                key,
                                values.released(
                                        t.get(key), CellName.institutionLeaving(institutions.get(c), stepIds.get(a))));
                    case ReleaseTables.INSTITUTION_NEXT -> {
                        Long people = values.released(
                                t.get(key),
                                CellName.institutionNext(institutions.get(c), stepIds.get(a), stepIds.get(b)));
                        if (people != null) {
                            next.computeIfAbsent(
                                            ReleaseTables.key(ReleaseTables.INSTITUTION_LEAVING, a, 0, c),
                                            x -> new TreeMap<>())
                                    .put(b, people);
                        }
                    }
                    case ReleaseTables.INSTITUTION_OUTCOME -> {
                        int situation = c % 4;
                        Long people = values.released(
                                t.get(key),
                                CellName.institutionOutcome(
                                        institutions.get(c / 4),
                                        stepIds.get(a),
                                        CohortOutcomes.months(b),
                                        cohort(b % 64),
                                        SituationRows.SITUATIONS.get(situation)));
                        if (people != null) {
                            situations
                                    .computeIfAbsent(
                                            ReleaseTables.key(ReleaseTables.INSTITUTION_COHORT, a, b, c / 4),
                                            x -> new Long[SituationRows.SITUATIONS.size()])[situation] = people;
                        }
                    }
                    case ReleaseTables.INSTITUTION_FIT -> {
                        Long people = values.released(
                                t.get(key),
                                CellName.institutionFit(
                                        institutions.get(c / 4),
                                        stepIds.get(a),
                                        CohortOutcomes.months(b),
                                        cohort(b % 64),
                                        FIT_CLASSES.get(c % 4)));
                        if (people != null) {
                            fits.computeIfAbsent(
                                            ReleaseTables.key(ReleaseTables.INSTITUTION_COHORT, a, b, c / 4),
                                            x -> new Long[FIT_CLASSES.size()])[c % 4] = people;
                        }
                    }
                    default -> {}
                }
            }
        }
        // The people in a job at least the jobs' fit classes added up, before the cohort is fitted to its situations.
        for (Map.Entry<Long, Long[]> e : fits.entrySet()) {
            Long[] of = situations.get(e.getKey());
            if (of != null && of[0] != null) {
                of[0] = PartsWithinWhole.fit(of[0], e.getValue());
            }
        }
        try (CSVPrinter out = Publisher.printer(dir.resolve(PROGRAMMES), "uai", "step", "entryCohort", "people")) {
            for (Map.Entry<Long, Long[]> e : programmes.entrySet()) {
                Long[] cohorts = e.getValue();
                // Every year at least its entry cohorts added up, and at least its leavers.
                Long all = PartsWithinWhole.fit(cohorts[bins], java.util.Arrays.copyOf(cohorts, bins));
                all = PartsWithinWhole.atLeast(
                        all,
                        PartsWithinWhole.fit(
                                leaving.get(ReleaseTables.key(
                                        ReleaseTables.INSTITUTION_LEAVING,
                                        ReleaseTables.a(e.getKey()),
                                        0,
                                        ReleaseTables.c(e.getKey()))),
                                next.getOrDefault(
                                                ReleaseTables.key(
                                                        ReleaseTables.INSTITUTION_LEAVING,
                                                        ReleaseTables.a(e.getKey()),
                                                        0,
                                                        ReleaseTables.c(e.getKey())),
                                                Map.of())
                                        .values()
                                        .toArray(Long[]::new)));
                String uai = institutions.get(ReleaseTables.c(e.getKey()));
                String step = stepIds.get(ReleaseTables.a(e.getKey()));
                for (int bin = 0; bin < bins; bin++) {
                    if (cohorts[bin] != null) {
                        out.printRecord(uai, step, cohort(bin), cohorts[bin]);
                    }
                }
                if (all != null) {
                    out.printRecord(uai, step, ALL, all);
                }
            }
        }
        writeNext(dir, leaving, next, stepIds, institutions, values);
        // Each cohort's released value, fitted to its situations; every year then at least its exit cohorts added up
        // (an answer lists both: 49 + 46 leavers by cohort under 93 for every year would read as a contradiction).
        Map<Long, Long> cohorts = new TreeMap<>();
        Map<Long, Long> binsAddedUp = new HashMap<>();
        for (Map.Entry<Long, Long[]> e : situations.entrySet()) {
            long key = e.getKey();
            Long whole = PartsWithinWhole.fit(
                    values.released(
                            t.get(key),
                            CellName.institutionCohort(
                                    institutions.get(ReleaseTables.c(key)),
                                    stepIds.get(ReleaseTables.a(key)),
                                    CohortOutcomes.months(ReleaseTables.b(key)),
                                    cohort(ReleaseTables.b(key) % 64))),
                    e.getValue());
            cohorts.put(key, whole);
            int b = ReleaseTables.b(key);
            if (whole != null && b % 64 != ReleaseTables.ALL_YEARS) {
                binsAddedUp.merge(
                        ReleaseTables.key(
                                ReleaseTables.INSTITUTION_COHORT,
                                ReleaseTables.a(key),
                                b - b % 64 + ReleaseTables.ALL_YEARS,
                                ReleaseTables.c(key)),
                        whole,
                        Long::sum);
            }
        }
        binsAddedUp.forEach((all, sum) -> cohorts.computeIfPresent(all, (k, v) -> Math.max(v, sum)));
        try (CSVPrinter out = SituationRows.printer(dir.resolve(OUTCOMES), "uai", "step", "months", "exitCohort")) {
            SituationRows.write(
                    out,
                    situations,
                    cohorts::get,
                    key -> List.of(
                            institutions.get(ReleaseTables.c(key)),
                            stepIds.get(ReleaseTables.a(key)),
                            CohortOutcomes.months(ReleaseTables.b(key)),
                            cohort(ReleaseTables.b(key) % 64)),
                    values);
        }
        writeFit(dir, situations, fits, stepIds, institutions, values);
        Publisher.sortRows(dir, FILES);
    }

    /**
     * Each fit class of the people in a job, with its share of the people outside further study (in a job or
     * elsewhere: France Compétences' "taux d'insertion dans le métier visé" as the national fit computes it); no
     * row where the people in a job were not released.
     */
    private static void writeFit(
            Path dir,
            Map<Long, Long[]> situations,
            Map<Long, Long[]> fits,
            List<String> stepIds,
            List<String> institutions,
            ReleasedValues values)
            throws IOException {
        try (CSVPrinter out = Publisher.printer(
                dir.resolve(FIT),
                "uai",
                "step",
                "months",
                "exitCohort",
                "inJob",
                "outsideStudy",
                "situation",
                "people",
                "share",
                "shareLow",
                "shareHigh")) {
            for (Map.Entry<Long, Long[]> e : fits.entrySet()) {
                Long[] of = situations.get(e.getKey());
                if (of == null || of[0] == null) {
                    continue;
                }
                // A sum of released values (job, other), never a difference: the people outside further study.
                long outside = of[0] + (of[2] == null ? 0 : of[2]);
                long key = e.getKey();
                for (int f = 0; f < FIT_CLASSES.size(); f++) {
                    Long people = e.getValue()[f];
                    if (people == null) {
                        continue;
                    }
                    Share share = values.share(people, outside);
                    out.printRecord(
                            institutions.get(ReleaseTables.c(key)),
                            stepIds.get(ReleaseTables.a(key)),
                            CohortOutcomes.months(ReleaseTables.b(key)),
                            cohort(ReleaseTables.b(key) % 64),
                            of[0],
                            outside,
                            FIT_CLASSES.get(f),
                            people,
                            share == null ? null : share.value(),
                            share == null ? null : share.low(),
                            share == null ? null : share.high());
                }
            }
        }
    }

    /** Each released next step with its share of the leavers, the leavers raised to the sum of the listed ones. */
    private static void writeNext(
            Path dir,
            Map<Long, Long> leaving,
            Map<Long, Map<Integer, Long>> next,
            List<String> stepIds,
            List<String> institutions,
            ReleasedValues values)
            throws IOException {
        try (CSVPrinter out = Publisher.printer(
                dir.resolve(NEXT), "uai", "step", "leaving", "next", "people", "share", "shareLow", "shareHigh")) {
            for (Map.Entry<Long, Map<Integer, Long>> e : next.entrySet()) {
                Long whole = PartsWithinWhole.fit(
                        leaving.get(e.getKey()), e.getValue().values().toArray(Long[]::new));
                if (whole == null) {
                    continue;
                }
                int a = ReleaseTables.a(e.getKey());
                String uai = institutions.get(ReleaseTables.c(e.getKey()));
                for (Map.Entry<Integer, Long> n : e.getValue().entrySet()) {
                    Share share = values.share(n.getValue(), whole);
                    List<Object> row = new ArrayList<>(List.of(uai, stepIds.get(a), whole, stepIds.get(n.getKey())));
                    row.add(n.getValue());
                    row.add(share == null ? null : share.value());
                    row.add(share == null ? null : share.low());
                    row.add(share == null ? null : share.high());
                    out.printRecord(row);
                }
            }
        }
    }

    /** The released people of each establishment (null below k), as {@link #INSTITUTIONS} holds them. */
    public static Map<String, Long> people(Path release) throws IOException {
        Map<String, Long> people = new HashMap<>();
        Path file = release.resolve(PART).resolve(INSTITUTIONS);
        if (!Files.exists(file)) {
            return people;
        }
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            people.put(f[0], f[1].isEmpty() ? null : Long.valueOf(f[1]));
        }
        return people;
    }
}
