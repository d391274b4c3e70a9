package fr.passerelle.recommend;

import java.util.List;

/**
 * Where people went after a step, every number from the release (perturbed, at least k).
 *
 * @param peopleLeaving people who went on to another step (null when not released): the share denominator
 * @param pathRequested the path before the step that was asked for ({@code after})
 * @param pathUsed the part of it actually used: the longest suffix whose continuations are released
 * @param hiddenPeople people who went to destinations too small to list (leavers minus every released
 *     destination, whatever its kind), when at least k
 * @param filteredOutPeople with {@code kind}: the people of the released destinations of other kinds
 *     (null without {@code kind})
 * @param reasons why a figure is null or a list empty, and why the answer backed off, by field name
 *     ({@link Reasons}); empty when everything is there
 * @param scope the group asked about and the group the answer is for: a region, an entry period or a
 *     stay too thin to answer backs off to everyone who left the step, a path to its longest released suffix
 */
public record NextSteps(
        StepRef step,
        List<String> pathRequested,
        List<String> pathUsed,
        Filters filters,
        Long peopleLeaving,
        List<NextStep> next,
        Long hiddenPeople,
        Long filteredOutPeople,
        java.util.Map<String, String> reasons,
        Scope scope,
        Evidence evidence) {
    /**
     * The filters applied; null fields were not used. {@code sinceRequested} is the "since" bin asked
     * for; {@code since} the one that answered, null when that bin had no released leavers or
     * destinations and the answer backed off to everyone who left the step; {@code region} and
     * {@code period} are null too when the answer backed off from them ({@code scope} says so).
     */
    public record Filters(String region, String period, String sinceRequested, String since, String kind) {}
}
