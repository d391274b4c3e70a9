package fr.passerelle.eval;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
import fr.passerelle.catalog.StepKind;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.person.Visit;
import fr.passerelle.recommend.Fork;
import fr.passerelle.recommend.ForkService;
import fr.passerelle.recommend.ReachService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Do the carrefour and "how likely, how long" predict what held-out people did? Built from 80% of people (the
 * release, perturbed and thresholded, as the API answers), scored on the other 20%: the Brier score (lower is
 * better) and the expected calibration error (the gap between a stated share and what happened, averaged over ten
 * bins of stated shares). The carrefour is set against the step alone (its roads' situations added up): the road
 * is worth showing only if it predicts better than the step. "How likely" is set against one constant share.
 */
public final class ForkReachEvaluation {
    private static final List<String> SITUATIONS = fr.passerelle.publish.ReleaseCatalogue.FORK_SITUATIONS;

    /**
     * @param questions held-out questions scored; @param covered the share answered by the predictor itself (else
     *     the baseline answered); @param brier the predictor's; @param baselineBrier the baseline's on the same
     *     questions; @param calibrationError the predictor's expected calibration error
     */
    public record Score(
            String name, int questions, double covered, double brier, double baselineBrier, double calibrationError) {
        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%-22s questions %7d  answered %5.1f%%  Brier %.4f (baseline %.4f)  calibration error %.4f",
                    name,
                    questions,
                    100 * covered,
                    brier,
                    baselineBrier,
                    calibrationError);
        }
    }

    private ForkReachEvaluation() {}

    /** @param observedUntil the month the held-out people were last observed (their collection month) */
    public static List<Score> evaluate(
            ForkService forks,
            ReachService reach,
            Catalogue catalogue,
            Normaliser normaliser,
            List<RawTrajectory> test,
            int observedUntil) {
        List<List<Visit>> people = new ArrayList<>();
        for (RawTrajectory raw : test) {
            try {
                people.add(normaliser.normalise(raw, () -> {}).visits());
            } catch (RuntimeException skipped) {
                // A held-out record the importer would have skipped is not a question either.
            }
        }
        List<Score> scores = new ArrayList<>();
        for (int months : ForkService.MONTHS) {
            scores.add(forkScore(forks, catalogue, people, observedUntil, months));
        }
        for (int months : ForkService.MONTHS) {
            scores.add(forkConditionedScore(
                    forks, catalogue, people, observedUntil, months, "fork+since", ForkReachEvaluation::since));
        }
        for (int months : ForkService.MONTHS) {
            scores.add(forkConditionedScore(
                    forks, catalogue, people, observedUntil, months, "fork+after", ForkReachEvaluation::after));
        }
        scores.add(reachScore(reach, catalogue, people, observedUntil));
        return scores;
    }

    private static Score forkScore(
            ForkService forks, Catalogue catalogue, List<List<Visit>> people, int observedUntil, int months) {
        Map<String, Fork> answers = new HashMap<>();
        Tally tally = new Tally();
        for (List<Visit> visits : people) {
            for (int i = 0; i + 1 < visits.size(); i++) {
                Visit at = visits.get(i);
                if (at.end() < 0 || !first(visits, i)) {
                    continue;
                }
                int when = at.end() + months;
                if (when > observedUntil) {
                    continue;
                }
                int truth = situation(catalogue, visits, i, when);
                Fork fork = answers.computeIfAbsent(at.step(), s -> safeFork(forks, s, months, null, null));
                if (fork == null) {
                    continue;
                }
                double[] step = stepMix(fork);
                if (step == null) {
                    continue;
                }
                double[] road = roadMix(fork, visits.get(i + 1).step());
                tally.add(road == null ? step : road, step, truth, road != null);
            }
        }
        return tally.score("fork " + months + " months");
    }

    /** Brier scores of a predictor and its baseline on the same held-out questions, and the predictor's calibration. */
    private static final class Tally {
        private final Bins calibration = new Bins();
        private double brier;
        private double baseline;
        private int questions;
        private int covered;

        /** One question: the predictor's distribution (from its own answer when {@code own}), the baseline's, the truth. */
        void add(double[] p, double[] base, int truth, boolean own) {
            questions++;
            covered += own ? 1 : 0;
            for (int c = 0; c < 4; c++) {
                double y = c == truth ? 1 : 0;
                brier += (p[c] - y) * (p[c] - y);
                baseline += (base[c] - y) * (base[c] - y);
                calibration.add(p[c], y);
            }
        }

        Score score(String name) {
            return new Score(
                    name,
                    questions,
                    questions == 0 ? 0 : covered / (double) questions,
                    questions == 0 ? Double.NaN : brier / questions,
                    questions == 0 ? Double.NaN : baseline / questions,
                    calibration.error());
        }
    }

    /**
     * A conditioning of the carrefour, held out: the road of the people who share the held-out person's condition
     * (where the release holds it) against the road of everyone who left the step, on the same questions.
     * {@code condition} gives, for the passage at position i, its {since, after} (one of them null), or null when the
     * passage has none (no time known, no step before).
     */
    private static Score forkConditionedScore(
            ForkService forks,
            Catalogue catalogue,
            List<List<Visit>> people,
            int observedUntil,
            int months,
            String name,
            java.util.function.BiFunction<List<Visit>, Integer, String[]> condition) {
        Map<String, Fork> everyone = new HashMap<>();
        Map<String, Fork> conditioned = new HashMap<>();
        Tally tally = new Tally();
        for (List<Visit> visits : people) {
            for (int i = 0; i + 1 < visits.size(); i++) {
                Visit at = visits.get(i);
                if (at.end() < 0 || !first(visits, i) || at.end() + months > observedUntil) {
                    continue;
                }
                String[] c = condition.apply(visits, i);
                Fork all = everyone.computeIfAbsent(at.step(), s -> safeFork(forks, s, months, null, null));
                double[] road =
                        all == null ? null : roadMix(all, visits.get(i + 1).step());
                if (c == null || road == null) {
                    continue;
                }
                Fork answer = conditioned.computeIfAbsent(
                        at.step() + "|" + c[0] + "|" + c[1], k -> safeFork(forks, at.step(), months, c[0], c[1]));
                double[] p = answer == null || (answer.since() == null && answer.after() == null)
                        ? null
                        : roadMix(answer, visits.get(i + 1).step());
                tally.add(p == null ? road : p, road, situation(catalogue, visits, i, at.end() + months), p != null);
            }
        }
        return tally.score(name + " " + months + " m");
    }

    /** The held-out passage's "since" bin (months spent at the step), or null when unknown. */
    private static String[] since(List<Visit> visits, int i) {
        Visit at = visits.get(i);
        int bin = fr.passerelle.publish.ReleaseCatalogue.sinceIndex(fr.passerelle.publish.ReleaseCatalogue.monthsAt(
                at.start(), at.end(), visits.get(i + 1).start()));
        return bin < 0
                ? null
                : new String[] {
                    fr.passerelle.publish.ReleaseCatalogue.sinceBins().get(bin), null
                };
    }

    /** The held-out passage's step before, or null for a first step. */
    private static String[] after(List<Visit> visits, int i) {
        return i == 0 ? null : new String[] {null, visits.get(i - 1).step()};
    }

    private static Score reachScore(
            ReachService reach, Catalogue catalogue, List<List<Visit>> people, int observedUntil) {
        Map<String, List<ReachService.Released>> answers = new HashMap<>();
        List<double[]> pairs = new ArrayList<>();
        for (List<Visit> visits : people) {
            for (int i = 0; i < visits.size(); i++) {
                Visit at = visits.get(i);
                if (at.start() < 0 || !first(visits, i)) {
                    continue;
                }
                for (ReachService.Released r : answers.computeIfAbsent(at.step(), reach::released)) {
                    if (r.share() == null || at.start() + r.months() > observedUntil) {
                        continue;
                    }
                    boolean reached = false;
                    for (int j = i + 1; j < visits.size() && !reached; j++) {
                        Visit v = visits.get(j);
                        CatalogueStep s = catalogue.find(v.step()).orElse(null);
                        reached = s != null
                                && s.kind() == StepKind.JOB
                                && v.start() >= at.start()
                                && v.start() - at.start() <= r.months()
                                && (v.step().equals(r.target())
                                        || r.target().length() == 1
                                                && r.target().equals(s.domain()));
                    }
                    pairs.add(new double[] {r.share(), reached ? 1 : 0});
                }
            }
        }
        double mean = pairs.stream().mapToDouble(x -> x[0]).average().orElse(0);
        double brier = 0;
        double baseline = 0;
        Bins calibration = new Bins();
        for (double[] x : pairs) {
            brier += (x[0] - x[1]) * (x[0] - x[1]);
            baseline += (mean - x[1]) * (mean - x[1]);
            calibration.add(x[0], x[1]);
        }
        int n = pairs.size();
        return new Score(
                "reach (every horizon)",
                n,
                1,
                n == 0 ? Double.NaN : brier / n,
                n == 0 ? Double.NaN : baseline / n,
                calibration.error());
    }

    private static Fork safeFork(ForkService forks, String step, int months, String since, String after) {
        try {
            return forks.fork(step, months, null, since, after);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    private static boolean first(List<Visit> visits, int i) {
        for (int j = 0; j < i; j++) {
            if (visits.get(j).step().equals(visits.get(i).step())) {
                return false;
            }
        }
        return true;
    }

    /** Where the person was {@code when}, by the release's rules ({@code publish/ReleaseTables.forks}). */
    static int situation(Catalogue catalogue, List<Visit> visits, int i, int when) {
        int j = -1;
        for (int x = i + 1; x < visits.size(); x++) {
            if (visits.get(x).start() >= 0 && visits.get(x).start() <= when) {
                j = x;
            }
        }
        if (j < 0 || visits.get(j).end() >= 0 && visits.get(j).end() < when) {
            return 3;
        }
        CatalogueStep at = catalogue.find(visits.get(j).step()).orElse(null);
        if (at == null || at.kind() == StepKind.OTHER) {
            return 3;
        }
        if (at.kind() == StepKind.EDUCATION) {
            return 2;
        }
        CatalogueStep from = catalogue.find(visits.get(i).step()).orElse(null);
        return from != null && inField(from, at) ? 0 : 1;
    }

    private static boolean inField(CatalogueStep from, CatalogueStep job) {
        List<String> targets = from.targets().romeCodes();
        if (!targets.isEmpty()) {
            String code = job.code();
            return targets.contains(code)
                    || fr.passerelle.catalog.RomeCode.is(code)
                            && targets.stream().anyMatch(t -> t.length() >= 3 && t.startsWith(code.substring(0, 3)));
        }
        return job.domain() != null && !job.domain().isEmpty() && job.domain().equals(from.domain());
    }

    /** A road's released situations as a distribution; what is not listed is spread over the unlisted situations. */
    private static double[] roadMix(Fork fork, String road) {
        for (Fork.Road r : fork.roads()) {
            if (r.id().equals(road)) {
                double[] p = new double[4];
                for (Fork.Situation s : r.situations()) {
                    p[SITUATIONS.indexOf(s.situation())] = s.people() / (double) r.people();
                }
                return spread(p);
            }
        }
        return null;
    }

    /** The step alone: its roads' situations added up (every road but the overlapping otherDomainJob). */
    private static double[] stepMix(Fork fork) {
        double[] p = new double[4];
        double total = 0;
        for (Fork.Road r : fork.roads()) {
            if (r.kind().equals("otherDomainJob")) {
                continue;
            }
            total += r.people();
            for (Fork.Situation s : r.situations()) {
                p[SITUATIONS.indexOf(s.situation())] += s.people();
            }
        }
        if (total == 0) {
            return null;
        }
        for (int c = 0; c < 4; c++) {
            p[c] /= total;
        }
        return spread(p);
    }

    private static double[] spread(double[] p) {
        double sum = 0;
        int empty = 0;
        for (double x : p) {
            sum += x;
            empty += x == 0 ? 1 : 0;
        }
        double rest = Math.max(0, 1 - sum);
        for (int c = 0; c < p.length; c++) {
            if (p[c] == 0 && empty > 0) {
                p[c] = rest / empty;
            } else if (sum > 1) {
                p[c] /= sum;
            }
        }
        return p;
    }

    /** Ten bins of stated shares: the gap between each bin's mean share and what happened, weighted by its size. */
    static final class Bins {
        private final double[] stated = new double[10];
        private final double[] happened = new double[10];
        private final int[] n = new int[10];

        void add(double p, double y) {
            int bin = Math.min(9, (int) (p * 10));
            stated[bin] += p;
            happened[bin] += y;
            n[bin]++;
        }

        double error() {
            int total = 0;
            double gap = 0;
            for (int b = 0; b < 10; b++) {
                total += n[b];
                if (n[b] > 0) {
                    gap += Math.abs(stated[b] - happened[b]);
                }
            }
            return total == 0 ? Double.NaN : gap / total;
        }
    }
}
