package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;

/**
 * The routes found from one step to another (the answer to /api/routes), every number from the release.
 *
 * @param observed released paths (at most 5 steps) people actually followed from {@code from} to {@code to}
 * @param composed chains of released transitions ranked by the product of their shares
 * @param reasons why a list is empty, by field name ("fewer than k": no route of at least k people)
 */
public record FoundRoutes(
        StepRef from,
        StepRef to,
        int maxSteps,
        List<Route> observed,
        List<Route> composed,
        java.util.Map<String, String> reasons,
        Evidence evidence) {
    /**
     * One route.
     *
     * @param composed true for a chain of transitions, false for a sequence people were seen to follow
     * @param people people who followed the whole route back to back; null when that path is not released
     * @param probability for a composed route, the product of its hops' shares
     * @param medianMonths from the start of the first step to the start of the last (null unless released)
     */
    public record Route(
            boolean composed,
            List<StepRef> steps,
            Long people,
            Double probability,
            Integer medianMonths,
            List<Hop> hops) {}

    /** One transition of a route: its people and share of those who left its origin (null where not released). */
    public record Hop(String from, String to, Long people, Share share, Integer medianMonths) {}
}
