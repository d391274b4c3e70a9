package fr.passerelle.recommend;

import java.util.List;

/**
 * Where the people who came to a step came from, every number from the release.
 *
 * @param peopleArriving people who came to the step from another step (null when not released): the share denominator
 * @param hiddenPeople people who came from elsewhere (arrivals minus the origins listed), when at least k
 */
public record PreviousSteps(
        StepRef step, Long peopleArriving, List<NextStep> previous, Long hiddenPeople, Evidence evidence) {}
