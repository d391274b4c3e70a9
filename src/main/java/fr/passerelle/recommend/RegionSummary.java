package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * A region at a glance for an observatory: its biggest programmes and jobs, what became of its leavers of
 * each education level against the nation, whether its graduates took their first job there, its main
 * reconversions and where the people of its jobs in tension came from. Every count from the release.
 *
 * @param programmes the education steps with the most people in the region (at most 10)
 * @param jobs the job steps with the most people in the region (at most 10)
 * @param months the horizon of {@code levels}
 * @param firstJobsTrainedHere every level's first jobs of the people trained there (retention), as {@code /flows}
 * @param firstJobsWorkingHere every level's first jobs taken there, as {@code /flows}
 * @param reasons why a list is empty or a figure missing, by field name
 */
public record RegionSummary(
        String region,
        String name,
        List<StepPeople> programmes,
        List<StepPeople> jobs,
        int months,
        List<LevelOutcome> levels,
        RegionFlows.Side firstJobsTrainedHere,
        RegionFlows.Side firstJobsWorkingHere,
        List<Reconversion> reconversions,
        List<TensionJob> jobsInTension,
        Map<String, String> reasons,
        Evidence evidence) {

    /** A step and the people who were in it in the region. */
    public record StepPeople(StepRef step, Long level, long people) {}

    /**
     * A level's leavers in the region and in the nation, {@code months} after the end: each the cohort
     * observed that long and its people in a job, in further study and elsewhere (each null when withheld).
     */
    public record LevelOutcome(int level, String label, Situations region, Situations nation) {}

    /** {@code people}: the leavers observed that long (the cohort). */
    public record Situations(long people, Part job, Part study, Part other) {}

    public record Part(long people, Share share) {}

    /** A move from a job in the region to a job of another ROME domain, by the people who made it. */
    public record Reconversion(StepRef from, StepRef to, long people, Share share) {}

    /**
     * A job in tension in the region, the people who held it there, and the steps its people held there just before
     * (each at least k):
     * {@code byKind} and {@code byDomain} add up the listed steps only.
     */
    public record TensionJob(
            StepRef job,
            long peopleInRegion,
            int tensionCategory,
            Integer year,
            List<Feeder> from,
            Map<String, Long> byKind,
            Map<String, Long> byDomain) {}

    public record Feeder(StepRef step, long people) {}
}
