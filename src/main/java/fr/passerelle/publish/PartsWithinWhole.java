package fr.passerelle.publish;

/**
 * Released counts made to add up: the destinations of a step never sum above the people who left it,
 * a path never counts more people than its prefix, a reconversion's routes never more than its total,
 * a programme's situations never more than its cohort. Each count is noisy on its own (±3), so without
 * this an app computing "others = total - listed" gets negative numbers and shares sum above 100%.
 *
 * <p>Only released values are read and changed (post-processing), so the release tells nothing more
 * about anybody. The whole is raised to its parts' sum ("at least this many"); a part is never changed,
 * so every listed count stays the cell's own released value and nothing is withheld by the fitting.
 * Wholes are fitted from the leaves up, so a raised whole is counted in its own whole's sum.
 */
final class PartsWithinWhole {
    private PartsWithinWhole() {}

    /** {@code whole} raised to the sum of the released {@code parts} (null parts count 0); null stays null. */
    static Long fit(Long whole, Long[] parts) {
        if (whole == null) {
            return null;
        }
        long sum = 0;
        for (Long p : parts) {
            sum += p == null ? 0 : p;
        }
        return Math.max(whole, sum);
    }

    /** {@code whole} never below {@code part} (both released values; null stays null). */
    static Long atLeast(Long whole, Long part) {
        return whole == null || part == null ? whole : Long.valueOf(Math.max(whole, part));
    }
}
