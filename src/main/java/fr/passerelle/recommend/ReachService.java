package fr.passerelle.recommend;

import fr.passerelle.graph.Row;
import fr.passerelle.privacy.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How likely, and how long ({@code GET /api/reach}): from the release's reach table and its paths. */
public final class ReachService {
    static final int ROUTES = 3;
    /** The horizons the release holds, months after the step's start. */
    public static final List<Integer> MONTHS = fr.passerelle.publish.ReleaseCatalogue.REACH_MONTHS;

    private final StepService steps;
    private final Thresholds thresholds;

    public ReachService(StepService steps, Thresholds thresholds) {
        this.steps = steps;
        this.thresholds = thresholds;
    }

    /** One released row: a target from the step at a horizon, with its share (null on a denominator under 20). */
    public record Released(String target, int months, long observed, long people, Double share) {}

    /** Every released target from {@code from} at every horizon (empty for an unknown step). */
    public List<Released> released(String from) {
        Reads reads = steps.reads();
        List<Released> rows = new ArrayList<>();
        for (Row r : reads.read("queries/reach-targets", StepService.params("from", from), r -> r)) {
            rows.add(new Released(
                    r.get("target").asString(),
                    r.get("months").asInt(),
                    r.get("observed").asLong(),
                    r.get("people").asLong(),
                    r.get("share").isNull() ? null : r.get("share").asDouble()));
        }
        return rows;
    }

    /** @param to a job's code or a ROME domain's letter (A to N) */
    public Reach reach(String from, String to) {
        Reads reads = steps.reads();
        StepService.KnownStep start = steps.findStep(reads, from);
        Map<String, StepRef> refs = steps.refs(reads, start.version());
        Reach.Target target;
        if (to.matches("[A-N]")) {
            target = new Reach.Target(to, "domain", steps.domainLabel(reads, to));
        } else {
            StepService.KnownStep job = steps.findStep(reads, to);
            if (!"job".equals(job.ref().kind())) {
                throw new QuestionException(
                        "the target is not a job",
                        Map.of(
                                "to",
                                to,
                                "kind",
                                String.valueOf(job.ref().kind()),
                                "expected",
                                "a job's code (as D1403) or a ROME domain's letter (A to N) for any job of it"));
            }
            target = new Reach.Target(job.ref().id(), "job", job.ref().label());
        }
        List<Reach.Horizon> horizons = new ArrayList<>();
        Long reached = null;
        Integer median = null;
        for (Row r : reads.read("queries/reach", StepService.params("from", from, "to", target.code()), r -> r)) {
            horizons.add(new Reach.Horizon(
                    r.get("months").asInt(),
                    r.get("observed").asLong(),
                    r.get("people").asLong(),
                    StepService.share(r)));
            reached = r.count("reached");
            median = r.integer("medianMonths");
        }
        List<Reach.Route> routes = new ArrayList<>();
        for (Row r : reads.read(
                "queries/reach-routes",
                StepService.params("from", from, "to", target.code(), "limit", ROUTES),
                r -> r)) {
            List<String> codes = r.get("steps").asList(org.neo4j.driver.Value::asString);
            List<StepRef> path = codes.stream()
                    .map(c -> refs.getOrDefault(c, new StepRef(c, null, null, null)))
                    .toList();
            routes.add(new Reach.Route(
                    path,
                    r.get("people").asLong(),
                    r.integer("medianMonths"),
                    "/api/routes?from=" + from + "&to=" + codes.get(codes.size() - 1)));
        }
        Reasons reasons = new Reasons();
        if (horizons.isEmpty()) {
            reasons.put(
                    "horizons",
                    Reasons.FEWER_THAN_K + " people seen reaching " + target.code() + " after " + from
                            + " within any horizon, or none");
        }
        List<Integer> missing = new ArrayList<>(MONTHS);
        horizons.forEach(h -> missing.remove(Integer.valueOf(h.months())));
        if (!horizons.isEmpty() && !missing.isEmpty()) {
            reasons.put(
                    "horizons",
                    "not listed at " + missing + " months: " + Reasons.FEWER_THAN_K
                            + " people had reached it by then, or none");
        }
        if (reached == null) {
            reasons.put("peopleReached", Reasons.FEWER_THAN_K);
            reasons.put("medianMonths", Reasons.FEWER_THAN_K);
        }
        if (routes.isEmpty()) {
            reasons.put(
                    "routes",
                    "no released route of 2 to 5 steps from " + from + " to " + target.code() + " ("
                            + Reasons.FEWER_THAN_K + " on each, or none observed)");
        }
        return new Reach(
                start.ref(),
                target,
                horizons,
                reached,
                median,
                routes,
                Reach.NOTE,
                reasons.asMap(),
                steps.evidence(reads, start.version()));
    }
}
