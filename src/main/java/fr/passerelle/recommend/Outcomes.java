package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;

/** What became of the people who finished a step, N months after its end (InserJeunes-style). */
public record Outcomes(StepRef step, List<AtMonths> outcomes, Evidence evidence) {

    /**
     * The situation {@code months} after the end: {@code people} observed that long (null below k),
     * and each situation shown with its share (shares only where {@code people} is at least the
     * minimum denominator).
     */
    public record AtMonths(int months, Long people, List<Situation> situations, int hiddenSituations, Long hiddenPeople) {
    }

    /** {@code situation}: "job" (with its ROME domain), "study" or "other". */
    public record Situation(String situation, String domain, String label, long people, Share share) {
    }
}
