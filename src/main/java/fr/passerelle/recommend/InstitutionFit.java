package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * The fit of an establishment's leavers of one step with its target jobs (private part), {@code months} after
 * the end, by exit cohort ({@code all}: every year), beside the nation's: France Compétences' "taux d'insertion
 * dans le métier visé" per establishment.
 *
 * @param targets the step's target jobs (the catalogue's certification links)
 * @param cohorts per exit cohort with released figures
 * @param nation the step's national fit at the same horizon (the open release), or null without one
 */
public record InstitutionFit(
        String uai,
        StepRef step,
        int months,
        List<Fit.TargetJob> targets,
        List<Cohort> cohorts,
        Nation nation,
        Map<String, String> reasons,
        Evidence evidence) {

    /**
     * @param inJob the cohort's released people in a job
     * @param peopleOutsideStudy in a job or elsewhere (released parts added up): the rate's denominator
     * @param situations each released class of job held (target, sameField, sameDomain, otherDomain) with its share
     *     of the people outside further study
     * @param fitRate the target class's share, null when not released or on a denominator under 20
     */
    public record Cohort(
            String exitCohort, long inJob, long peopleOutsideStudy, List<Fit.Situation> situations, Share fitRate) {}

    public record Nation(Long peopleOutsideStudy, Share fitRate) {}
}
