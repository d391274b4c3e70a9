package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * How likely, and how long, from a step to a job (or any job of a ROME domain): of the people observed long
 * enough after starting the step, the share who had started the target by each horizon, the median months of
 * everyone seen reaching it, and the most common observed routes.
 *
 * @param horizons each horizon with released figures: its people observed that long (the denominator: people
 *     observed for less are left out, never counted as not reaching it) and those who had reached it
 * @param peopleReached everyone seen starting the target after the step, however long they were observed
 * @param medianMonths their median months from the step's start to the target's
 * @param routes the most common released paths from the step to the target, each with its link to
 *     {@code /api/routes}
 */
public record Reach(
        StepRef from,
        Target to,
        List<Horizon> horizons,
        Long peopleReached,
        Integer medianMonths,
        List<Route> routes,
        String note,
        Map<String, String> reasons,
        Evidence evidence) {

    /** {@code kind}: job (a job code) or domain (a ROME domain letter: any job of it). */
    public record Target(String code, String kind, String label) {}

    public record Horizon(int months, long peopleObserved, long peopleReached, Share share) {}

    public record Route(List<StepRef> steps, long people, Integer medianMonths, String link) {}

    static final String NOTE =
            "Parmi les personnes suivies assez longtemps après le début de l'étape, la part qui avait"
                    + " commencé ce métier à chaque durée : ce qui est arrivé à d'autres, pas une promesse. Les personnes"
                    + " suivies moins longtemps ne comptent pas pour cette durée.";
}
