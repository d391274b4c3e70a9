package fr.passerelle.recommend;

import java.util.List;

/**
 * The counsellor's composed answer: the existing answers, asked the way a counselling interview asks them. Holds
 * nothing: the person's path comes in, the answer goes out.
 */
public final class CounselService {
    private final StepService steps;
    private final ForkService forks;
    private final ReachService reach;
    private final FieldService fields;
    private final MarketService market;

    public CounselService(
            StepService steps, ForkService forks, ReachService reach, FieldService fields, MarketService market) {
        this.steps = steps;
        this.forks = forks;
        this.reach = reach;
        this.fields = fields;
        this.market = market;
    }

    /**
     * Where people with this path went next. Kept only under the path that answered ({@code pathUsed}), which the
     * release holds because at least k people followed it: a person's own rarer path is never a key, so the next
     * person with a released path is answered from memory and nobody's unreleased path is held.
     */
    private NextSteps nextAfter(NextQuery query, String current, List<String> before) {
        List<Object> key = List.of("next-after", current, List.copyOf(before));
        NextSteps held = steps.memoPeek(key);
        if (held != null) {
            return held;
        }
        NextSteps answer = steps.next(query);
        if (answer.pathUsed() != null && answer.pathUsed().equals(before)) {
            steps.memo(key, () -> answer);
        }
        return answer;
    }

    /**
     * @param path the steps so far, oldest first, the current one last (codes already known to the release)
     * @param since the released bin of the months spent in the current step, or null
     * @param region an INSEE region code, or null
     * @param target a job's code or a domain's letter, or null
     * @param months the carrefour's horizon
     */
    public Counsel counsel(List<String> path, String since, String region, String target, int months) {
        Reads reads = steps.reads();
        List<StepRef> refs = new java.util.ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            try {
                refs.add(steps.findStep(reads, path.get(i)).ref());
            } catch (StepNotFoundException e) {
                throw new QuestionException(
                        "unknown step",
                        java.util.Map.of(
                                "field", "path[" + i + "]", "step", path.get(i), "closeMatches", e.closeMatches()));
            }
        }
        String current = path.get(path.size() - 1);
        // The path before the current step, from after its last earlier passage (a path is asked without repeats).
        List<String> before = path.subList(path.subList(0, path.size() - 1).lastIndexOf(current) + 1, path.size() - 1);
        NextQuery query;
        if (!before.isEmpty()) {
            query = new NextQuery(current, before, null, null, null, null);
        } else if (since != null) {
            query = new NextQuery(current, List.of(), null, null, since, null);
        } else {
            query = new NextQuery(current, List.of(), region, null, null, null);
        }
        // Conditioned on the path: kept only under a path the release holds (nextAfter), never the person's own. The
        // rest is public questions about one step or one job, kept for the release.
        NextSteps next = before.isEmpty()
                ? steps.memo(
                        List.of("next", current, String.valueOf(since), String.valueOf(region)),
                        () -> steps.next(query))
                : nextAfter(query, current, before);
        // Everyone's roads, not those of the people who spent as long at the step or came from the same step before:
        // held out, neither predicted better on both datasets (eval fork-reach, "fork+since", "fork+after": README).
        Fork fork = steps.memo(List.of("fork", current, months), () -> forks.fork(current, months, null));
        Reach toward = null;
        Bridges bridges = null;
        Market notes = null;
        Reasons reasons = new Reasons();
        if (target == null) {
            String none = "no job in mind was given";
            reasons.put("reach", none);
            reasons.put("bridges", none);
            reasons.put("market", none);
        } else {
            String to = target;
            toward = steps.memo(List.of("reach", current, to), () -> reach.reach(current, to));
            String domain = target.length() == 1 ? target : toward.to().code().substring(0, 1);
            bridges = steps.memo(List.of("bridges", current, domain), () -> fields.bridges(current, domain, null, 5));
            if (target.length() > 1) {
                String in = region;
                notes = steps.memo(List.of("market", to, String.valueOf(in)), () -> market.market(to, in));
            } else {
                reasons.put("market", "labour-market notes describe one job: a domain was given");
            }
        }
        return new Counsel(
                refs,
                refs.get(refs.size() - 1),
                steps.memo(List.of("openness", current), () -> Openness.of(steps.next(current))),
                next,
                fork,
                toward,
                bridges,
                notes,
                Counsel.NOTE,
                reasons.asMap(),
                fork.evidence());
    }
}
