package fr.passerelle.recommend;

import java.util.List;

/**
 * Where people went after a step.
 *
 * @param peopleLeaving people who went on to another step (null below k): the share denominator
 * @param hiddenDestinations destinations not shown because fewer than k people took them (or to
 *     protect one that was)
 * @param hiddenPeople people behind the hidden destinations, only when at least k, else null
 */
public record NextSteps(StepRef step, Long peopleLeaving, List<NextStep> next, int hiddenDestinations, Long hiddenPeople,
                        Evidence evidence) {
}
