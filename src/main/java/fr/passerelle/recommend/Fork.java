package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * The "carrefour" of a step: for each road its leavers took, what became of the road's people {@code months}
 * after they left the step. Everyone started from the same step, so the roads compare better than programmes
 * whoever entered them; still, what became of people who chose a road, never what the road causes.
 *
 * @param field what "in the field" means for this step: its target jobs and their professional field where the
 *     catalogue names target jobs ({@code targets}), else the step's own domain ({@code domain})
 * @param roads each road with released figures, most people first; they may overlap (a job in another domain is
 *     also its own road), so their people are never added up
 * @param sinceRequested the "since" bin asked for (the months spent at the step), null without {@code since}
 * @param since the bin that answered: null when the answer is everyone's (none asked, or that bin had no released
 *     road and the answer backed off, which {@code reasons.since} says)
 * @param afterRequested the step before asked for ({@code after}), null without it
 * @param after the step before the roads are for: null when the answer is everyone's (none asked, or no released road
 *     for the people who came from it: {@code reasons.after} says so)
 * @param differences with {@code compare}: for each situation, the first road's share minus the second's with a
 *     95% interval (Newcombe's method from the two Wilson intervals), only when both shares have one; never a
 *     count
 */
public record Fork(
        StepRef step,
        int months,
        String sinceRequested,
        String since,
        String afterRequested,
        String after,
        String field,
        List<Road> roads,
        List<Difference> differences,
        String note,
        Map<String, String> reasons,
        Evidence evidence) {

    /**
     * @param road the next step, or null for {@code otherDomainJob} (a job in another domain, whichever)
     * @param kind {@code step} or {@code otherDomainJob}
     * @param people the road's people observed that long after leaving the step (released, at least the
     *     situations added up)
     */
    public record Road(String id, String kind, StepRef road, String label, long people, List<Situation> situations) {}

    /** {@code situation}: jobInField, jobOther, study or other; its label in French. */
    public record Situation(String situation, String label, long people, Share share) {}

    public record Difference(String situation, String first, String second, double value, double low, double high) {}

    static final Map<String, String> LABELS = Map.of(
            "jobInField", "En emploi dans le domaine de la formation",
            "jobOther", "En emploi dans un autre domaine",
            "study", "En formation",
            "other", "Autre situation (recherche d'emploi, inactivité ou non renseignée)");

    static final String NOTE =
            "Ce que sont devenues les personnes qui ont pris chaque chemin depuis la même étape : des"
                    + " faits observés, pas ce que le chemin provoque (les personnes qui choisissent un chemin ne sont pas"
                    + " celles qui en choisissent un autre).";
}
