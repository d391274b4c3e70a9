package fr.passerelle.recommend;

import java.util.List;
import java.util.Map;

/**
 * How much of an establishment's official cohort Passerelle holds: for a university, its released master leavers
 * of the exit cohort that contains InserSup's latest diploma year, per year, over the graduates that survey
 * stands for. For a lycée or a centre there is no denominator: InserJeunes publishes shares per establishment,
 * not numbers of leavers ({@code reasons} says so).
 *
 * @param official the official figure the denominator comes from, or null
 * @param exitCohort the released exit cohort (3-year bin) that contains the official year
 * @param programmes each master programme of the establishment with its released leavers of that cohort
 * @param releasedLeavers their leavers added up (a sum of released counts)
 * @param releasedLeaversPerYear a third of it (the cohort spans three years)
 * @param share releasedLeaversPerYear over the official graduates
 */
public record InstitutionCoverage(
        String uai,
        Institution.Official official,
        String exitCohort,
        List<Programme> programmes,
        Long releasedLeavers,
        Long releasedLeaversPerYear,
        Double share,
        String basis,
        Map<String, String> reasons,
        Evidence evidence) {

    public record Programme(StepRef step, long leavers) {}
}
