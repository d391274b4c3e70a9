package fr.passerelle.recommend;

import java.util.List;

/**
 * A step with how many people passed through it, came to it from another step and left it for
 * another; each is null when below k. {@code openness}: does it open doors or channel its people (from its
 * released next steps).
 */
public record StepDetail(
        String id,
        String kind,
        String label,
        String domain,
        String field,
        Integer level,
        Long people,
        Long peopleIn,
        Long peopleOut,
        List<String> targets,
        String targetSource,
        Coverage coverage,
        Openness openness,
        Evidence evidence) {

    /**
     * How much of a year's official cohort the release holds: InserJeunes' final-year students per
     * millésime beside the release's leavers of 2019-2021 observed 6 months on, per year; {@code share}
     * is the second over the first (both public or released figures; nothing subtracted).
     */
    public record Coverage(
            Long officialFinalYearPerYear,
            String millesimes,
            String source,
            Long releasedLeavers,
            Long releasedLeaversPerYear,
            Double share,
            String basis) {}
}
