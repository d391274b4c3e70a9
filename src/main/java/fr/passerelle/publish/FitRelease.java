package fr.passerelle.publish;

import fr.passerelle.privacy.Share;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * The released fit tables ("vérité des prix"): for each education step with target jobs and each
 * horizon, its leavers by situation against those jobs ({@code fit-situations.csv}), the people
 * outside further study that France Compétences' "taux d'insertion dans le métier visé" divides by,
 * counted from records rather than as a difference of two released counts ({@code fit.csv}), and the
 * jobs they held ({@code fit-jobs.csv}). Counted by {@link ReleaseTables} (tables FIT, FIT_BASE,
 * FIT_JOB); every value goes through the same k, noise and stable-value rules as any other cell, then
 * parts are fitted within their wholes (jobs within their situation, situations within the people
 * outside study and within the cohort, which {@code outcomes.csv} shares).
 */
final class FitRelease {
    static final List<String> FILES = List.of("fit.csv", "fit-situations.csv", "fit-jobs.csv");

    private final ReleaseTables t;
    private final List<String> stepIds;
    private final FitTargets targets;
    private final ReleasedValues values;
    /** By cohort key (OUTCOME_COHORT of the step and horizon): the six situations' released people. */
    private final Map<Long, Long[]> situations = new TreeMap<>();

    private final Map<Long, Long> outsideStudy = new HashMap<>();
    /** By cohort key: job step index -> released people. */
    private final Map<Long, Map<Integer, Long>> jobs = new HashMap<>();

    FitRelease(ReleaseTables t, List<String> stepIds, FitTargets targets, ReleasedValues values) {
        this.t = t;
        this.stepIds = stepIds;
        this.targets = targets;
        this.values = values;
    }

    private static long cohortKey(int step, int m) {
        return ReleaseTables.key(ReleaseTables.OUTCOME_COHORT, step, m, 0);
    }

    /**
     * Releases every fit cell of {@code keys} and fits the parts; returns, by cohort key, the least
     * value the cohort must show so that none of its parts is above it.
     */
    Map<Long, Long> collect(long[] keys) {
        for (long key : keys) {
            int table = ReleaseTables.table(key);
            if (table != ReleaseTables.FIT && table != ReleaseTables.FIT_BASE && table != ReleaseTables.FIT_JOB) {
                continue;
            }
            int step = ReleaseTables.a(key);
            int m = ReleaseTables.b(key);
            int c = ReleaseTables.c(key);
            String id = stepIds.get(step);
            int months = ReleaseCatalogue.OUTCOME_MONTHS.get(m);
            long cohort = cohortKey(step, m);
            switch (table) {
                case ReleaseTables.FIT -> {
                    Long people = values.released(t.get(key), CellName.fit(id, months, FitTargets.SITUATIONS.get(c)));
                    situations.computeIfAbsent(cohort, x -> new Long[FitTargets.SITUATIONS.size()])[c] = people;
                }
                case ReleaseTables.FIT_BASE -> {
                    Long people = values.released(t.get(key), CellName.fitOutsideStudy(id, months));
                    if (people != null) {
                        outsideStudy.put(cohort, people);
                    }
                    situations.computeIfAbsent(cohort, x -> new Long[FitTargets.SITUATIONS.size()]);
                }
                default -> {
                    Long people = values.released(t.get(key), CellName.fitJob(id, months, stepIds.get(c)));
                    if (people != null) {
                        jobs.computeIfAbsent(cohort, x -> new HashMap<>()).put(c, people);
                    }
                }
            }
        }
        Map<Long, Long> least = new HashMap<>();
        for (Map.Entry<Long, Long[]> e : situations.entrySet()) {
            long cohort = e.getKey();
            Long[] parts = e.getValue();
            int step = ReleaseTables.a(cohort);
            Map<Integer, Long> held = jobs.getOrDefault(cohort, Map.of());
            for (int situation = FitTargets.TARGET; situation <= FitTargets.OTHER_DOMAIN; situation++) {
                List<Long> within = new ArrayList<>();
                for (Map.Entry<Integer, Long> job : held.entrySet()) {
                    if (targets.ofJob(step, job.getKey()) == situation) {
                        within.add(job.getValue());
                    }
                }
                parts[situation] = PartsWithinWhole.fit(parts[situation], within.toArray(Long[]::new));
            }
            Long base = PartsWithinWhole.fit(outsideStudy.get(cohort), new Long[] {
                parts[FitTargets.TARGET],
                parts[FitTargets.SAME_FIELD],
                parts[FitTargets.SAME_DOMAIN],
                parts[FitTargets.OTHER_DOMAIN],
                parts[FitTargets.OTHER]
            });
            if (base != null) {
                outsideStudy.put(cohort, base);
            }
            // The cohort holds the people outside study and those in study, and every situation listed (the people
            // outside study may be withheld while some of their situations are not).
            long listed = 0;
            for (Long part : parts) {
                listed += part == null ? 0 : part;
            }
            long sum = Math.max(
                    listed,
                    (base == null ? 0 : base) + (parts[FitTargets.STUDY] == null ? 0 : parts[FitTargets.STUDY]));
            if (sum > 0) {
                least.put(cohort, sum);
            }
        }
        return least;
    }

    /** Writes the three files with {@code cohorts}, the cohorts as released (outcomes and fit show the same). */
    int write(Path dir, Map<Long, Long> cohorts) throws IOException {
        int rows = 0;
        try (CSVPrinter fit = Publisher.printer(
                        dir.resolve("fit.csv"),
                        "step",
                        "months",
                        "cohort",
                        "outsideStudy",
                        "rate",
                        "rateLow",
                        "rateHigh");
                CSVPrinter sit = Publisher.printer(
                        dir.resolve("fit-situations.csv"),
                        "step",
                        "months",
                        "situation",
                        "people",
                        "share",
                        "shareLow",
                        "shareHigh");
                CSVPrinter held = Publisher.printer(
                        dir.resolve("fit-jobs.csv"), "step", "months", "job", "situation", "people")) {
            for (Map.Entry<Long, Long[]> e : situations.entrySet()) {
                long key = e.getKey();
                int step = ReleaseTables.a(key);
                String id = stepIds.get(step);
                int months = ReleaseCatalogue.OUTCOME_MONTHS.get(ReleaseTables.b(key));
                Long cohort = cohorts.get(key);
                Long base = outsideStudy.get(key);
                Long[] parts = e.getValue();
                Share rate = values.share(parts[FitTargets.TARGET], base);
                if (cohort == null && base == null) {
                    continue;
                }
                fit.printRecord(
                        id,
                        months,
                        cohort,
                        base,
                        rate == null ? null : rate.value(),
                        rate == null ? null : rate.low(),
                        rate == null ? null : rate.high());
                rows++;
                for (int s = 0; s < parts.length; s++) {
                    if (parts[s] == null) {
                        continue;
                    }
                    Share share = values.share(parts[s], cohort);
                    sit.printRecord(
                            id,
                            months,
                            FitTargets.SITUATIONS.get(s),
                            parts[s],
                            share == null ? null : share.value(),
                            share == null ? null : share.low(),
                            share == null ? null : share.high());
                }
                Map<Integer, Long> byJob = new LinkedHashMap<>(jobs.getOrDefault(key, Map.of()));
                for (Map.Entry<Integer, Long> job : byJob.entrySet()) {
                    held.printRecord(
                            id,
                            months,
                            stepIds.get(job.getKey()),
                            FitTargets.SITUATIONS.get(targets.ofJob(step, job.getKey())),
                            job.getValue());
                }
            }
        }
        return rows;
    }

    /** The cohort's released value when outcomes did not fit it already: at least what the fit's parts need. */
    Long cohort(long cohortKey, Long least) {
        int step = ReleaseTables.a(cohortKey);
        int months = ReleaseCatalogue.OUTCOME_MONTHS.get(ReleaseTables.b(cohortKey));
        Long released = values.released(t.get(cohortKey), CellName.cohort(stepIds.get(step), months));
        return PartsWithinWhole.atLeast(released, least);
    }

    java.util.Set<Long> cohortKeys() {
        return situations.keySet();
    }
}
