package fr.passerelle.recommend;

/**
 * A step with how many people passed through it, came to it from another step and left it for
 * another; each is null when below k.
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
        Evidence evidence) {}
