package fr.passerelle.eval;

import fr.passerelle.ingest.Normaliser;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.person.Visit;
import fr.passerelle.publish.ReleaseCatalogue;
import fr.passerelle.recommend.NextQuery;
import fr.passerelle.recommend.NextStep;
import fr.passerelle.recommend.NextSteps;
import fr.passerelle.recommend.StepService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Next-step prediction quality. People are split 80/20 by a seeded hash of their identifier; the
 * 80% are loaded; for every next step of every held-out person, each recommender ranks candidates
 * through the same {@link StepService} the API uses (k enforced), and the true next step is looked
 * up in that ranking.
 */
public final class NextStepEvaluation {
    /** How many previous steps the path-conditioned recommender is given (it backs off by itself). */
    static final int HISTORY = 2;

    private NextStepEvaluation() {}

    /**
     * hit@1, hit@3, mean reciprocal rank, coverage (share of questions with any answer) and the Brier
     * score of the shares given (the multi-class one: sum over every step of (share - truth)^2, from 0
     * for certain and right to 2 for certain and wrong; a step not listed has share 0).
     */
    public record Score(
            String recommender,
            long questions,
            double hitAt1,
            double hitAt3,
            double mrr,
            double coverage,
            double brier) {
        @Override
        public String toString() {
            return String.format(
                    "%-22s questions %5d  hit@1 %.3f  hit@3 %.3f  MRR %.3f  coverage %.3f  Brier %.3f",
                    recommender, questions, hitAt1, hitAt3, mrr, coverage, brier);
        }
    }

    /** The two halves of a split. */
    public record Split(List<RawTrajectory> train, List<RawTrajectory> test) {}

    public static Split split(List<RawTrajectory> people, long seed) {
        List<RawTrajectory> train = new ArrayList<>();
        List<RawTrajectory> test = new ArrayList<>();
        for (RawTrajectory t : people) {
            CRC32 crc = new CRC32();
            crc.update((seed + ":" + t.source() + ":" + t.id()).getBytes(StandardCharsets.UTF_8));
            (crc.getValue() % 5 == 0 ? test : train).add(t);
        }
        return new Split(train, test);
    }

    /**
     * One test question: the steps so far (the current one last), the "since" bin of the months spent
     * at the current step before leaving it (null when its dates do not say), and the step that came
     * next. The time spent is the whole stay: the question is asked as the person leaves.
     */
    record Question(List<String> history, String since, String truth) {
        String current() {
            return history.get(history.size() - 1);
        }
    }

    /** A ranking, most likely first, with the share given to each listed step (absent: none given). */
    record Prediction(List<String> ranking, Map<String, Double> shares) {
        static final Prediction NONE = new Prediction(List.of(), Map.of());

        /** This ranking, then what {@code more} adds; the shares stay those of the first answer that gave any. */
        Prediction then(Prediction more) {
            List<String> ranking = new ArrayList<>(this.ranking);
            more.ranking.stream().filter(id -> !ranking.contains(id)).forEach(ranking::add);
            return new Prediction(ranking, shares.isEmpty() ? more.shares : shares);
        }
    }

    /**
     * Scores the recommenders on the held-out people, every one of them from released answers only
     * (the same {@link StepService} as the API, so perturbed and thresholded):
     * popularity (most arrived-at steps); first-order ({@code next} alone); path-conditioned
     * ({@code next?after=} the two previous steps) and path + back-off (that answer, then what shorter
     * paths add, as an app would list them); since-conditioned ({@code next?since=} the months spent
     * at the step, which backs off by itself to the step alone); since + path back-off (that answer
     * first, then path + back-off); and path x since, which combines the two released breakdowns as
     * independent evidence: share(path) x share(since) / share(step), renormalised.
     */
    public static List<Score> evaluate(
            StepService steps, Normaliser normaliser, List<RawTrajectory> test, Map<String, Long> popular) {
        List<Question> questions = new ArrayList<>();
        for (RawTrajectory raw : test) {
            List<Visit> visits;
            try {
                visits = normaliser.normalise(raw, () -> {}).visits();
            } catch (RuntimeException skipped) {
                // A held-out record the importer would have skipped is not a question either.
                continue;
            }
            List<String> codes = visits.stream().map(Visit::step).toList();
            for (int t = 1; t < visits.size(); t++) {
                Visit at = visits.get(t - 1);
                int bin = ReleaseCatalogue.sinceIndex(ReleaseCatalogue.monthsAt(
                        at.start(), at.end(), visits.get(t).start()));
                questions.add(new Question(
                        codes.subList(0, t),
                        bin < 0 ? null : ReleaseCatalogue.sinceBins().get(bin),
                        codes.get(t)));
            }
        }
        long arrivals = popular.values().stream().mapToLong(Long::longValue).sum();
        Map<List<Object>, Prediction> answers = new HashMap<>();
        Function<NextQuery, Prediction> ask = q -> answers.computeIfAbsent(
                List.of(q.step(), q.after(), String.valueOf(q.since())), x -> prediction(steps.next(q)));
        Function<Question, Prediction> firstOrder = q -> ask.apply(NextQuery.of(q.current()));
        Function<Question, Prediction> pathBackOff = q -> {
            Prediction p = Prediction.NONE;
            for (int h = HISTORY; h >= 0; h--) {
                p = p.then(ask.apply(conditioned(q.history(), h)));
            }
            return p;
        };
        Function<Question, Prediction> since =
                q -> q.since() == null ? firstOrder.apply(q) : ask.apply(NextQuery.since(q.current(), q.since()));
        return List.of(
                score("popularity", questions, q -> {
                    Map<String, Double> shares = new LinkedHashMap<>();
                    popular.forEach((id, n) -> {
                        if (!id.equals(q.current())) {
                            shares.put(id, n / (double) arrivals);
                        }
                    });
                    return new Prediction(List.copyOf(shares.keySet()), shares);
                }),
                score("first-order", questions, firstOrder),
                score("path-conditioned", questions, q -> ask.apply(conditioned(q.history(), HISTORY))),
                score("path + back-off", questions, pathBackOff),
                score("since-conditioned", questions, since),
                score("since + path back-off", questions, q -> since.apply(q).then(pathBackOff.apply(q))),
                score(
                        "path x since",
                        questions,
                        q -> combined(pathBackOff.apply(q), since.apply(q), firstOrder.apply(q))));
    }

    /**
     * Two breakdowns of one step's leavers taken as independent evidence about the next step (naive
     * Bayes on released shares): share(a) x share(b) / share(step alone). A step missing from one
     * side gets half the smallest share that side gave, so one silent table does not veto it.
     */
    static Prediction combined(Prediction a, Prediction b, Prediction base) {
        if (a.shares().isEmpty() || b.shares().isEmpty() || base.shares().isEmpty()) {
            return a.then(b);
        }
        java.util.Set<String> candidates = new java.util.LinkedHashSet<>(a.ranking());
        candidates.addAll(b.ranking());
        Map<String, Double> score = new HashMap<>();
        double total = 0;
        for (String id : candidates) {
            double s = floor(a, id) * floor(b, id) / floor(base, id);
            score.put(id, s);
            total += s;
        }
        // The combined shares spread what the two answers listed between the same steps.
        double listed = Math.max(
                a.shares().values().stream().mapToDouble(Double::doubleValue).sum(),
                b.shares().values().stream().mapToDouble(Double::doubleValue).sum());
        Map<String, Double> shares = new LinkedHashMap<>();
        List<String> ranking = candidates.stream()
                .sorted(java.util.Comparator.comparingDouble((String id) -> -score.get(id)))
                .toList();
        for (String id : ranking) {
            shares.put(id, score.get(id) / total * Math.min(1, listed));
        }
        return new Prediction(ranking, shares);
    }

    private static double floor(Prediction p, String id) {
        Double share = p.shares().get(id);
        if (share != null && share > 0) {
            return share;
        }
        return p.shares().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .filter(v -> v > 0)
                        .min()
                        .orElse(1e-3)
                / 2;
    }

    private static NextQuery conditioned(List<String> history, int steps) {
        List<String> before = history.subList(Math.max(0, history.size() - 1 - steps), history.size() - 1);
        return NextQuery.after(history.get(history.size() - 1), before);
    }

    /** The answer's destinations in order, with their released shares (or people over released leavers). */
    private static Prediction prediction(NextSteps answer) {
        List<String> ranking = new ArrayList<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (NextStep n : answer.next()) {
            ranking.add(n.step().id());
            Double share = n.share() != null
                    ? Double.valueOf(n.share().value())
                    : answer.peopleLeaving() != null && answer.peopleLeaving() > 0
                            ? Double.valueOf(Math.min(1.0, n.people() / (double) answer.peopleLeaving()))
                            : null;
            if (share != null) {
                shares.put(n.step().id(), share);
            }
        }
        return new Prediction(ranking, shares);
    }

    private static Score score(String name, List<Question> questions, Function<Question, Prediction> recommender) {
        long hit1 = 0;
        long hit3 = 0;
        long answered = 0;
        double reciprocal = 0;
        double brier = 0;
        for (Question q : questions) {
            Prediction p = recommender.apply(q);
            String truth = q.truth();
            int rank = p.ranking().indexOf(truth);
            answered += p.ranking().isEmpty() ? 0 : 1;
            hit1 += rank == 0 ? 1 : 0;
            hit3 += rank >= 0 && rank < 3 ? 1 : 0;
            reciprocal += rank >= 0 ? 1.0 / (rank + 1) : 0;
            double squares = 1;
            for (Map.Entry<String, Double> e : p.shares().entrySet()) {
                double y = e.getKey().equals(truth) ? 1 : 0;
                squares += (e.getValue() - y) * (e.getValue() - y) - (y == 1 ? 1 : 0);
            }
            brier += squares;
        }
        double n = Math.max(1, questions.size());
        return new Score(name, questions.size(), hit1 / n, hit3 / n, reciprocal / n, answered / n, brier / n);
    }
}
