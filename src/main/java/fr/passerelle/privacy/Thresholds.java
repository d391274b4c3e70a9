package fr.passerelle.privacy;

/**
 * The disclosure gate: what may leave the server. A count only if at least {@code k} people stand
 * behind it (the publication also perturbs it first, {@link PerturbationTable#release}); a share only
 * on a released denominator of at least {@code minDenominator}; a median only over at least k people;
 * the rest of a breakdown only when at least k. Every number the release holds, and every number an
 * answer computes from released ones, passes through one of these methods. "Not shown" is always
 * {@code null}, never 0 or -1.
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

    /**
     * {@code part} of {@code whole} as a share with its 95% interval, both released values; null when
     * either is not shown or the whole is under the minimum denominator. Two values perturbed apart
     * may put the part above its whole: the share is then 1, never more.
     */
    public Share share(Long part, Long whole) {
        if (part == null || whole == null || !canShowShare(whole)) {
            return null;
        }
        return Share.of(Math.min(part, whole), whole);
    }

    /** A median of durations over {@code timedPeople} people: shown only when they are at least k. */
    public Integer median(long timedPeople, Integer median) {
        return canShowCount(timedPeople) ? median : null;
    }

    /**
     * A part (leavers) of a whole (people), each released with its own noise: where they would say
     * otherwise, the part is shown equal to the whole. A function of released values only.
     */
    public static Long atMost(Long part, Long whole) {
        if (part == null || whole == null) {
            return part;
        }
        return Long.valueOf(Math.min(part, whole));
    }
}
