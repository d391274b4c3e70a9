package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * What a programme promises against what became of its people ("vérité des prix"), {@code months}
 * after its end, every number from the release.
 *
 * @param targets the jobs the step's certification prepares for (ROME codes), empty when none is known
 * @param targetSource where that list comes from (Certif Info or RNCP codes and titles)
 * @param people the cohort observed that long (the same figure as {@code outcomes}), null when withheld
 * @param peopleOutsideStudy of them, those not in further study, counted from records: the rate's denominator
 * @param situations the released situations, each with its share of the cohort
 * @param fitRate France Compétences' "taux d'insertion dans le métier visé": people in a target job out of
 *     the people outside further study, with its 95% interval
 * @param similar the rate of the steps most like this one (where their people come from and go)
 * @param scope the group the figures are about: what was asked and what was used
 * @param reasons why a figure is null or a list empty, by field name
 */
public record Fit(
        StepRef step,
        int months,
        List<TargetJob> targets,
        String targetSource,
        Long people,
        Long peopleOutsideStudy,
        List<Situation> situations,
        Share fitRate,
        List<SimilarFit> similar,
        Scope scope,
        Map<String, String> reasons,
        Evidence evidence) {

    /** A target ROME code; {@code label} null when the release has no step for it (nobody could be counted there). */
    public record TargetJob(String code, String label) {}

    /** {@code situation}: target, sameField, sameDomain, otherDomain, study or other; its label in French. */
    public record Situation(String situation, String label, long people, Share share) {}

    public record SimilarFit(StepRef step, Long peopleOutsideStudy, Share fitRate) {}

    /** The labels of the situations, in the fit table's order. */
    static final Map<String, String> LABELS = Map.of(
            "target", "Métier visé par la certification",
            "sameField", "Autre métier du même domaine professionnel",
            "sameDomain", "Autre métier du même grand domaine",
            "otherDomain", "Métier d'un autre domaine",
            "study", "Poursuite d'études",
            "other", "Autre situation (recherche d'emploi, inactivité, non renseignée)");
}
