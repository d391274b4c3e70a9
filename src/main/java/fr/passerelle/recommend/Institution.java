package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * An establishment's own programmes, from the release's private part (read with its key only): each step its
 * people took there, with people by entry cohort and what became of its leavers against the nation's.
 *
 * @param name the establishment's name in the official files (null where they are not at hand)
 * @param people everyone of the release with a step at the establishment (null: fewer than k)
 * @param official the establishment's official figure where one exists, with its perimeter
 * @param programmes the steps taken there with at least k people, most people first
 */
public record Institution(
        String uai,
        String name,
        Long people,
        Official official,
        List<Programme> programmes,
        Map<String, String> reasons,
        Evidence evidence) {

    /**
     * An official figure for the establishment as a whole, beside Passerelle's per programme: the perimeters
     * differ (see {@code perimeter}), so the two are set side by side, never subtracted.
     *
     * @param employed6 percent of its leavers in a job 6 months after leaving (InserJeunes; null otherwise)
     * @param study percent of its leavers in further study
     * @param months when the employment figure is measured: 6 after leaving (InserJeunes), 30 after the diploma
     *     (InserSup)
     * @param employed the employment figure at {@code months}: InserJeunes' share in a job, InserSup's insertion rate
     * @param year the diploma year (InserSup), null for InserJeunes' school year named in {@code source}
     * @param respondents InserSup's respondents (null for InserJeunes, which counts everyone)
     * @param graduates the graduates they stand for (respondents over response rates), null when not published
     */
    public record Official(
            String source,
            String perimeter,
            Integer employed6,
            Integer study,
            Integer months,
            Integer employed,
            Integer year,
            Integer respondents,
            Integer graduates) {}

    /**
     * @param people everyone who took the step there, every year (at least its entry cohorts added up)
     * @param entryCohorts people by the years they started (3-year bins), each at least k; a thin bin is left out
     * @param outcomes every exit year together, at 6, 12 and 24 months after the end, beside the nation's
     */
    public record Programme(StepRef step, long people, List<EntryCohort> entryCohorts, List<Outcome> outcomes) {}

    public record EntryCohort(String cohort, long people) {}

    /**
     * What became of the leavers, {@code months} after the end.
     *
     * @param exitCohort the years they left ({@code all}: every year)
     * @param people the leavers observed that long (null: fewer than k)
     * @param situations job, study, other: people and share of {@code people}
     * @param nation the same step's leavers in the whole release (every establishment, known or not)
     */
    public record Outcome(
            int months, String exitCohort, Long people, List<Situation> situations, NationOutcome nation) {}

    public record Situation(String situation, long people, Share share) {}

    /**
     * The nation's figure for the same step and horizon: its leavers and its people in a job, in further study
     * and elsewhere (job: its released job domains added up, so at most the true figure).
     */
    public record NationOutcome(Long people, List<Situation> situations) {}
}
