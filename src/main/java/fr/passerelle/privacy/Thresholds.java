package fr.passerelle.privacy;

/**
 * What may leave the server: a count only if at least {@code k} people stand behind it, a share only
 * if its denominator is at least {@code minDenominator}.
 */
public record Thresholds(int k, int minDenominator) {
    public static final int DEFAULT_K = 11;
    public static final int DEFAULT_MIN_DENOMINATOR = 20;
    /** Below this, small-cell suppression protects nobody; the setting is refused. */
    public static final int FLOOR_K = 5;

    public Thresholds {
        if (k < FLOOR_K) {
            throw new IllegalArgumentException("k must be at least " + FLOOR_K + ", got " + k);
        }
        if (minDenominator < k) {
            throw new IllegalArgumentException(
                    "the minimum denominator (" + minDenominator + ") must be at least k (" + k + ")");
        }
    }

    public static Thresholds defaults() {
        return new Thresholds(DEFAULT_K, DEFAULT_MIN_DENOMINATOR);
    }

    public boolean canShowCount(long people) {
        return people >= k;
    }

    /**
     * The rest of a breakdown: a released total minus the released parts listed, given only when it
     * is itself at least k (null total: nothing to subtract from). Arithmetic on released values.
     */
    public Long remainder(Long total, long listed) {
        if (total == null) {
            return null;
        }
        long rest = total - listed;
        return canShowCount(rest) ? rest : null;
    }

    public boolean canShowShare(long denominator) {
        return denominator >= minDenominator;
    }
}
