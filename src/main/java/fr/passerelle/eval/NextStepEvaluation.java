package fr.passerelle.eval;

import fr.passerelle.ingest.Normaliser;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.ingest.Trajectory;
import fr.passerelle.ingest.Visit;
import fr.passerelle.recommend.NextQuery;
import fr.passerelle.recommend.NextStep;
import fr.passerelle.recommend.StepService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    private NextStepEvaluation() {
    }

    /** hit@1, hit@3, mean reciprocal rank and coverage (share of questions with any answer) over {@code questions}. */
    public record Score(String recommender, long questions, double hitAt1, double hitAt3, double mrr, double coverage) {
        @Override
        public String toString() {
            return String.format("%-18s questions %5d  hit@1 %.3f  hit@3 %.3f  MRR %.3f  coverage %.3f", recommender, questions, hitAt1,
                    hitAt3, mrr, coverage);
        }
    }

    /** The two halves of a split. */
    public record Split(List<RawTrajectory> train, List<RawTrajectory> test) {
    }

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
     * Scores four recommenders on the held-out people: popularity (most arrived-at steps), first-order
     * ({@code next} without a path), path-conditioned ({@code next} with the last two steps as
     * {@code after}, as the API answers it) and path + back-off (that answer's ranking, then what the
     * shorter paths add, as an app would list them).
     */
    public static List<Score> evaluate(StepService steps, Normaliser normaliser, List<RawTrajectory> test, List<String> popularity) {
        List<List<String>> sequences = new ArrayList<>();
        for (RawTrajectory raw : test) {
            try {
                Trajectory t = normaliser.normalise(raw, () -> { });
                sequences.add(t.visits().stream().map(Visit::step).toList());
            } catch (RuntimeException skipped) {
                // A held-out record the importer would have skipped is not a question either.
            }
        }
        return List.of(
                score("popularity", sequences, (history) -> popularity.stream().filter(s -> !s.equals(history.get(history.size() - 1))).toList()),
                score("first-order", sequences, history -> ranked(steps.next(NextQuery.of(history.get(history.size() - 1))).next())),
                score("path-conditioned", sequences, history -> ranked(steps.next(conditioned(history, HISTORY)).next())),
                score("path + back-off", sequences, history -> {
                    // The conditioned ranking first, then what shorter paths add: the list an app would show.
                    List<String> ranking = new ArrayList<>();
                    for (int h = HISTORY; h >= 0; h--) {
                        for (String id : ranked(steps.next(conditioned(history, h)).next())) {
                            if (!ranking.contains(id)) {
                                ranking.add(id);
                            }
                        }
                    }
                    return ranking;
                }));
    }

    private static NextQuery conditioned(List<String> history, int steps) {
        List<String> before = history.subList(Math.max(0, history.size() - 1 - steps), history.size() - 1);
        return new NextQuery(history.get(history.size() - 1), before, null, null, null);
    }

    private static List<String> ranked(List<NextStep> next) {
        return next.stream().map(n -> n.step().id()).toList();
    }

    private static Score score(String name, List<List<String>> sequences, Function<List<String>, List<String>> recommender) {
        long questions = 0;
        long hit1 = 0;
        long hit3 = 0;
        long answered = 0;
        double reciprocal = 0;
        for (List<String> sequence : sequences) {
            for (int t = 1; t < sequence.size(); t++) {
                List<String> ranking = recommender.apply(sequence.subList(0, t));
                String truth = sequence.get(t);
                int rank = ranking.indexOf(truth);
                questions++;
                answered += ranking.isEmpty() ? 0 : 1;
                hit1 += rank == 0 ? 1 : 0;
                hit3 += rank >= 0 && rank < 3 ? 1 : 0;
                reciprocal += rank >= 0 ? 1.0 / (rank + 1) : 0;
            }
        }
        double n = Math.max(1, questions);
        return new Score(name, questions, hit1 / n, hit3 / n, reciprocal / n, answered / n);
    }

    /** Steps by how many people arrived at them: the popularity baseline. */
    public static List<String> popularity(Map<String, Long> peopleIn) {
        return peopleIn.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }
}
