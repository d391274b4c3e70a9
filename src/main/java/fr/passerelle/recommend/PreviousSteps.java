package fr.passerelle.recommend;

import java.util.List;

/**
 * Where the people who came to a step came from.
 *
 * @param peopleArriving people who came to the step from another step (null below k): the share denominator
 * @param hiddenOrigins origins not shown (fewer than k people, or protecting one that was)
 * @param hiddenPeople people behind the hidden origins, only when at least k
 */
public record PreviousSteps(StepRef step, Long peopleArriving, List<NextStep> previous, int hiddenOrigins, Long hiddenPeople,
                            Evidence evidence) {
}
