package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;

/**
 * Steps through which people from {@code from} reached a target (a job in {@code toDomain}, or the
 * step {@code to}), ranked by {@code score = P(bridge | from) × P(target | bridge)}.
 */
public record Bridges(
        StepRef from,
        String toDomain,
        String toDomainLabel,
        StepRef to,
        List<Bridge> bridges,
        java.util.Map<String, String> reasons,
        Evidence evidence) {

    /**
     * One bridge with the people behind each factor.
     *
     * @param peopleFromToBridge people who went from {@code from} straight to the bridge
     * @param shareFromToBridge their share of the people who left {@code from}
     * @param peopleBridgeToTarget people who went from the bridge straight to the target, summed over the bridge's
     *     published transitions (each of at least k people; someone who went from the bridge to two target jobs at
     *     different times counts on both)
     * @param shareBridgeToTarget their share of the people who left the bridge
     * @param peopleWholeRoute people who did from → bridge → target back to back (null below k)
     */
    public record Bridge(
            StepRef step,
            double score,
            long peopleFromToBridge,
            Share shareFromToBridge,
            long peopleBridgeToTarget,
            Share shareBridgeToTarget,
            Long peopleWholeRoute) {}
}
