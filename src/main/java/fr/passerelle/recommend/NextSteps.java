package fr.passerelle.recommend;

import java.util.List;

/**
 * Where people went after a step.
 *
 * @param peopleLeaving people matched who went on to another step (null below k): the share denominator
 * @param pathRequested the path before the step that was asked for ({@code after})
 * @param pathUsed the part of it actually used: the longest suffix that at least k people followed
 * @param hiddenDestinations destinations not shown because fewer than k people took them (or to
 *     protect one that was)
 * @param hiddenPeople people behind the hidden destinations, only when at least k, else null
 */
public record NextSteps(StepRef step, List<String> pathRequested, List<String> pathUsed, Filters filters, Long peopleLeaving,
                        List<NextStep> next, int hiddenDestinations, Long hiddenPeople, Evidence evidence) {

    /** The filters applied; null fields were not used. */
    public record Filters(String region, Integer from, Integer to, String kind) {
    }
}
