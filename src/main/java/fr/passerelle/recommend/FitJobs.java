package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * The jobs behind a step's fit, {@code months} after its end: the target jobs observed (at least k
 * people each), the target jobs not observed at k, and the most held jobs outside the targets.
 */
public record FitJobs(
        StepRef step,
        int months,
        Long people,
        List<HeldJob> targetsObserved,
        List<Fit.TargetJob> targetsNotObserved,
        List<HeldJob> otherJobs,
        Map<String, String> reasons,
        Evidence evidence) {

    /** A job held, its situation against the step's targets, its people and their share of the cohort. */
    public record HeldJob(StepRef job, String situation, long people, Share share) {}
}
