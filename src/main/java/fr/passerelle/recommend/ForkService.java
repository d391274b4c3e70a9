package fr.passerelle.recommend;

import fr.passerelle.graph.Row;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The "carrefour" ({@code GET /api/steps/{id}/fork}): from the release's fork table only. */
public final class ForkService {
    /** The horizons the release holds, months after the step's end. */
    public static final List<Integer> MONTHS = fr.passerelle.publish.ReleaseCatalogue.FORK_MONTHS;

    static final String OTHER_DOMAIN_JOB = "otherDomainJob";
    private static final List<String> ORDER = fr.passerelle.publish.ReleaseCatalogue.FORK_SITUATIONS;

    private final StepService steps;
    private final Thresholds thresholds;

    public ForkService(StepService steps, Thresholds thresholds) {
        this.steps = steps;
        this.thresholds = thresholds;
    }

    /**
     * @param compare two roads (a next step's code or {@code otherDomainJob}) whose shares to set against each
     *     other, or null
     */
    public Fork fork(String id, int months, List<String> compare) {
        return fork(id, months, compare, null, null);
    }

    /**
     * @param since a "since" bin (the months spent at the step), or null
     * @param after the step before, or null; one of the two at most (both null: everyone who left the step). A
     *     condition with no released road backs off to everyone, and says so
     */
    public Fork fork(String id, int months, List<String> compare, String since, String after) {
        if (since != null && after != null) {
            throw new QuestionException(
                    "one dimension at a time",
                    Map.of(
                            "parameters",
                            List.of("since", "after"),
                            "why",
                            "the release holds the roads by time spent at the step or by the step before, not both"));
        }
        Reads reads = steps.reads();
        StepService.KnownStep s = steps.findStep(reads, id);
        if (after != null) {
            steps.findStep(reads, after); // an unknown step before is a 404 with its close matches
        }
        Reasons reasons = new Reasons();
        Map<String, Fork.Road> roads = roads(reads, id, months, since, after);
        String sinceAnswered = since;
        String afterAnswered = after;
        if ((since != null || after != null) && roads.isEmpty()) {
            roads = roads(reads, id, months, null, null);
            sinceAnswered = null;
            afterAnswered = null;
            reasons.put(
                    since != null ? "since" : "after",
                    "no road with at least " + thresholds.k() + " people among those who "
                            + (since != null ? "spent " + since + " months at the step" : "came from " + after)
                            + " (" + Reasons.FEWER_THAN_K + "): the roads of everyone who left it");
        }
        List<Fork.Road> list = new ArrayList<>(roads.values());
        list.sort(Comparator.comparingLong(Fork.Road::people).reversed().thenComparing(Fork.Road::id));
        if (list.isEmpty()) {
            reasons.put(
                    "roads",
                    "no road from " + id + " with at least " + thresholds.k() + " people observed " + months
                            + " months after leaving it (" + Reasons.FEWER_THAN_K
                            + " on each road, or nobody left it)");
        }
        List<Fork.Difference> differences = differences(roads, compare, reasons);
        return new Fork(
                s.ref(),
                months,
                since,
                sinceAnswered,
                after,
                afterAnswered,
                FitService.head(reads, id, months).targets().isEmpty() ? "domain" : "targets",
                list,
                differences,
                Fork.NOTE,
                reasons.asMap(),
                steps.evidence(reads, s.version()));
    }

    /** The released roads of the step at that horizon, for everyone (both null), one "since" bin or one step before. */
    private static Map<String, Fork.Road> roads(Reads reads, String id, int months, String since, String after) {
        Map<String, Fork.Road> roads = new LinkedHashMap<>();
        java.util.Map<String, Object> params =
                new java.util.HashMap<>(StepService.params("step", id, "months", months));
        params.put("since", since);
        params.put("after", after);
        for (Row r : reads.read("queries/fork", params, r -> r)) {
            String road = r.get("road").asString();
            boolean other = road.equals(OTHER_DOMAIN_JOB);
            Fork.Road was = roads.get(road);
            List<Fork.Situation> situations = new ArrayList<>(was == null ? List.of() : was.situations());
            String situation = r.get("situation").asString();
            situations.add(new Fork.Situation(
                    situation, Fork.LABELS.get(situation), r.get("people").asLong(), StepService.share(r)));
            situations.sort(Comparator.comparingInt(x -> ORDER.indexOf(x.situation())));
            roads.put(
                    road,
                    new Fork.Road(
                            road,
                            other ? OTHER_DOMAIN_JOB : "step",
                            other ? null : new StepRef(road, r.text("kind"), r.text("label"), r.text("domain")),
                            other ? "Un emploi dans un autre domaine, directement" : r.text("label"),
                            r.get("cohort").asLong(),
                            situations));
        }
        return roads;
    }

    private List<Fork.Difference> differences(Map<String, Fork.Road> roads, List<String> compare, Reasons reasons) {
        List<Fork.Difference> differences = new ArrayList<>();
        if (compare != null) {
            for (String road : compare) {
                if (!roads.containsKey(road)) {
                    throw new QuestionException(
                            "no such road from this step",
                            Map.of(
                                    "compare",
                                    road,
                                    "roads",
                                    List.copyOf(roads.keySet()),
                                    "why",
                                    "compare takes two roads of this answer (a next step's code or otherDomainJob);"
                                            + " a road under k people is not released"));
                }
            }
            Fork.Road first = roads.get(compare.get(0));
            Fork.Road second = roads.get(compare.get(1));
            for (String situation : ORDER) {
                Share a = share(first, situation);
                Share b = share(second, situation);
                if (a != null && b != null) {
                    differences.add(difference(situation, first.id(), second.id(), a, b));
                }
            }
            if (differences.isEmpty()) {
                reasons.put(
                        "differences",
                        "no situation has a share with an interval on both roads (" + Reasons.FEWER_THAN_K
                                + " or a denominator under " + thresholds.minDenominator() + ")");
            }
        }
        return differences;
    }

    private static Share share(Fork.Road road, String situation) {
        return road.situations().stream()
                .filter(x -> x.situation().equals(situation))
                .map(Fork.Situation::share)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Newcombe's hybrid score interval for a difference of two proportions, from their Wilson intervals. */
    static Fork.Difference difference(String situation, String first, String second, Share a, Share b) {
        double d = a.value() - b.value();
        double low = d - Math.sqrt(Math.pow(a.value() - a.low(), 2) + Math.pow(b.high() - b.value(), 2));
        double high = d + Math.sqrt(Math.pow(a.high() - a.value(), 2) + Math.pow(b.value() - b.low(), 2));
        return new Fork.Difference(
                situation, first, second, round(d), round(Math.max(-1, low)), round(Math.min(1, high)));
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
