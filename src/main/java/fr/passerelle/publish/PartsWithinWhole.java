package fr.passerelle.publish;

/**
 * Released counts made to add up: the destinations of a step never sum above the people who left it,
 * a path never counts more people than its prefix, a reconversion's routes never more than its total,
 * a programme's situations never more than its cohort. Each count is noisy on its own (±3), so without
 * this an app computing "others = total - listed" gets negative numbers and shares sum above 100%.
 *
 * <p>Only released values are read and changed (post-processing), so the release tells nothing more
 * about anybody: the whole is first raised to the parts' sum, never above its own whole ("at least this
 * many went on"); if the parts still sum above it they are scaled down, and a part scaled below k is
 * withheld like any count under k.
 */
final class PartsWithinWhole {
    private PartsWithinWhole() {}

    /**
     * Fits {@code parts} (released counts, null when withheld; changed in place) within {@code whole},
     * which may be raised up to {@code bound} (null: no bound). Returns the whole to release.
     */
    static Long fit(Long whole, Long bound, Long[] parts, long k) {
        if (whole == null) {
            return null;
        }
        long sum = 0;
        for (Long p : parts) {
            sum += p == null ? 0 : p;
        }
        if (sum <= whole) {
            return whole;
        }
        long raised = bound == null ? sum : Math.max(whole, Math.min(bound, sum));
        if (sum > raised) {
            // Largest remainders would keep the total exact; flooring is simpler and errs on the side of less.
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] != null) {
                    long scaled = parts[i] * raised / sum;
                    parts[i] = scaled >= k ? scaled : null;
                }
            }
        }
        return raised;
    }
}
