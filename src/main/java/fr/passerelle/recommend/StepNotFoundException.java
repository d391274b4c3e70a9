package fr.passerelle.recommend;

import java.util.List;

/** An unknown step id, with the closest known ones. */
public final class StepNotFoundException extends RuntimeException {
    private final String step;
    private final List<StepRef> closeMatches;

    public StepNotFoundException(String step, List<StepRef> closeMatches) {
        super("unknown step " + step);
        this.step = step;
        this.closeMatches = closeMatches;
    }

    public String step() {
        return step;
    }

    public List<StepRef> closeMatches() {
        return closeMatches;
    }
}
