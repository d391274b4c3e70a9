package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;

/**
 * What became of the people who finished a step, N months after its end (InserJeunes-style); every number from the
 * release. {@code region}: the region asked ({@code outcomes?region=}), null for the nation; each horizon's
 * {@code scope} says whether that region's figures or the nation's answered.
 */
public record Outcomes(StepRef step, String region, List<AtMonths> outcomes, List<Cohort> cohorts, Evidence evidence) {
    /**
     * With {@code by=cohort}: the same question by exit cohort (the years people left the step, in 3-year
     * bins), oldest first; a cohort with fewer than k people observed that long is left out (its people are
     * in the all-years figures of {@code outcomes}). Null without {@code by=cohort}.
     */
    public record Cohort(int months, String cohort, long people, List<Situation> situations) {}

    /**
     * The situation {@code months} after the end: {@code people} observed that long (null when not
     * released), each released situation with its share, and the people in situations not listed
     * (the cohort minus those listed) when at least k; {@code reasons}, why a figure is null or the
     * list empty, by field name; {@code scope}, the group the figures are about, and {@code wider}, when
     * the step's own cohort is withheld, the figures of its narrowest released family (its level and
     * professional field, then grand domain, then level), which {@code scope.used} names.
     */
    public record AtMonths(
            int months,
            Long people,
            List<Situation> situations,
            Long hiddenPeople,
            java.util.Map<String, String> reasons,
            Scope scope,
            Benchmark.Group wider) {}

    /** {@code situation}: "job" (with its ROME domain), "study" or "other". */
    public record Situation(String situation, String domain, String label, long people, Share share) {}
}
