package fr.passerelle.recommend;

import java.util.List;

/**
 * Where people went after a step, every number from the release (perturbed, at least k).
 *
 * @param peopleLeaving people who went on to another step (null when not released): the share denominator
 * @param pathRequested the path before the step that was asked for ({@code after})
 * @param pathUsed the part of it actually used: the longest suffix whose continuations are released
 * @param hiddenPeople people who went elsewhere (leavers minus the destinations listed), when at least k
 */
public record NextSteps(
        StepRef step,
        List<String> pathRequested,
        List<String> pathUsed,
        Filters filters,
        Long peopleLeaving,
        List<NextStep> next,
        Long hiddenPeople,
        Evidence evidence) {
    /**
     * The filters applied; null fields were not used. {@code sinceRequested} is the "since" bin asked
     * for; {@code since} the one that answered, null when that bin had no released leavers or
     * destinations and the answer backed off to everyone who left the step.
     */
    public record Filters(String region, String period, String sinceRequested, String since, String kind) {}
}
