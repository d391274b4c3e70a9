package fr.passerelle.recommend;

import java.util.List;

/**
 * Where the people who came to a step came from, every number from the release.
 *
 * @param peopleArriving people who came to the step from another step (null when not released): the share denominator
 * @param hiddenPeople people who came from origins too small to list (arrivals minus every released
 *     origin), when at least k
 * @param filteredOutPeople with {@code kind}: the people of the released origins of other kinds
 * @param reasons why a figure is null or the list empty, by field name ({@link Reasons})
 */
public record PreviousSteps(
        StepRef step,
        Long peopleArriving,
        List<NextStep> previous,
        Long hiddenPeople,
        Long filteredOutPeople,
        java.util.Map<String, String> reasons,
        Evidence evidence) {}
