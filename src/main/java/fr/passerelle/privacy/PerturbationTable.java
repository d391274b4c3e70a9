package fr.passerelle.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * The cell-key method's perturbation table (as national statistics offices use it for flexible
 * tables: ABS TableBuilder, ONS, Destatis; sdcTools' {@code ptable}): for a cell of {@code n} people
 * whose record keys add up to the cell key {@code c}, the released value is {@code n + noise(n, c)}.
 * The noise takes values in {@code -D..D}, has mean 0 (unbiased) and variance {@code V} (less for
 * the few smallest counts, whose support is cut at {@code -n}: a count never turns negative), and is
 * drawn from the maximum-entropy distribution with those moments, {@code p(j) ∝ exp(-λ j²)} on a
 * symmetric support. Because the same people always make the same cell key, the same cell always
 * gets the same noise: asking again teaches nothing, and the difference of two cells that differ by
 * one person is that person plus two independent noises, not the person.
 *
 * <p>Released values between 1 and k - 1 never appear: whatever is below k after perturbation is
 * not released at all ({@link #release}), and neither is a cell of fewer than k people.
 */
public final class PerturbationTable {
    /**
     * The defaults: noise at most ±3, variance 3. Chosen by measurement (README, "The release"): the
     * differencing attack of AttackTest (one person alone in a region and a period, four candidate
     * destinations) succeeds 100% on exact counts, about 41% with ±2/1.5, about 36% with ±3/3 and
     * 33% with ±5/6, against 25% for a guess; ±3 keeps a figure of 78 within 75..81 for a room.
     */
    public static final int DEFAULT_MAX_NOISE = 3;

    public static final double DEFAULT_VARIANCE = 3.0;
    private static final double KEY_RANGE = 4294967296.0; // 2^32: cell keys are sums of 32-bit record keys, modulo 2^32

    private final int maxNoise;
    private final double variance;
    private final int k;
    /** rows[n] for n in 0..maxNoise (cut supports); the last row serves every larger count. */
    private final double[][] cumulative;

    public PerturbationTable(int maxNoise, double variance, int k) {
        if (maxNoise < 1 || maxNoise > 10) {
            throw new IllegalArgumentException("the maximum noise must be 1..10, got " + maxNoise);
        }
        if (!(variance > 0) || variance >= maxNoise * (double) maxNoise) {
            throw new IllegalArgumentException(
                    "the noise variance must be in (0, " + maxNoise * maxNoise + "), got " + variance);
        }
        this.maxNoise = maxNoise;
        this.variance = variance;
        this.k = k;
        this.cumulative = new double[maxNoise + 1][];
        for (int n = 0; n <= maxNoise; n++) {
            cumulative[n] = cumulative(probabilities(Math.min(n, maxNoise), variance));
        }
    }

    public static PerturbationTable defaults(int k) {
        return new PerturbationTable(DEFAULT_MAX_NOISE, DEFAULT_VARIANCE, k);
    }

    public int maxNoise() {
        return maxNoise;
    }

    public double variance() {
        return variance;
    }

    /** The noise for a cell of {@code n} people with cell key {@code cellKey} (only its low 32 bits count). */
    public int noise(long n, long cellKey) {
        if (n <= 0) {
            return 0;
        }
        double[] row = cumulative[(int) Math.min(n, maxNoise)];
        double u = (cellKey & 0xFFFFFFFFL) / KEY_RANGE;
        int m = (row.length - 1) / 2;
        for (int i = 0; i < row.length; i++) {
            if (u < row[i]) {
                return i - m;
            }
        }
        return m;
    }

    /** The perturbed count. */
    public long perturbed(long n, long cellKey) {
        return n + noise(n, cellKey);
    }

    /**
     * The released value: the perturbed count when it is at least k, else null (not released). A
     * cell of fewer than k people is never released either, whatever its noise: every number shown
     * has at least k people behind it, as Passerelle promises.
     */
    public Long release(long n, long cellKey) {
        long p = perturbed(n, cellKey);
        return p >= k && n >= k ? p : null;
    }

    /** The noise distribution for counts of at least {@code n} ({@code n} >= D: the full one), values -m..m. */
    public double[] distribution(int n) {
        return probabilities(Math.min(Math.max(n, 0), maxNoise), variance);
    }

    /** The rows of the table, for the README and the processing register: count, then P(noise = j) for j = -D..D. */
    public List<String> describe() {
        List<String> rows = new ArrayList<>();
        for (int n = 1; n <= maxNoise; n++) {
            rows.add((n == maxNoise ? ">=" + n : Integer.toString(n)) + ": " + format(distribution(n)));
        }
        return rows;
    }

    private String format(double[] p) {
        StringBuilder s = new StringBuilder();
        int m = (p.length - 1) / 2;
        for (int i = 0; i < p.length; i++) {
            s.append(i == 0 ? "" : ", ")
                    .append(i - m)
                    .append(" -> ")
                    .append(String.format(java.util.Locale.ROOT, "%.4f", p[i]));
        }
        return s.toString();
    }

    /**
     * Symmetric support -m..m with p(j) ∝ exp(-λ j²), λ chosen so that the variance is {@code v}
     * (or as close as the support allows: at most m², reached as λ → -∞; uniform at λ = 0).
     */
    static double[] probabilities(int m, double v) {
        if (m == 0) {
            return new double[] {1.0};
        }
        double lo = -20;
        double hi = 20;
        for (int iter = 0; iter < 200; iter++) {
            double mid = (lo + hi) / 2;
            if (varianceOf(m, mid) > v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return weights(m, (lo + hi) / 2);
    }

    private static double varianceOf(int m, double lambda) {
        double[] p = weights(m, lambda);
        double var = 0;
        for (int i = 0; i < p.length; i++) {
            var += p[i] * (i - m) * (double) (i - m);
        }
        return var;
    }

    private static double[] weights(int m, double lambda) {
        double[] p = new double[2 * m + 1];
        double sum = 0;
        for (int j = -m; j <= m; j++) {
            p[j + m] = Math.exp(-lambda * j * j);
            sum += p[j + m];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double[] cumulative(double[] p) {
        double[] c = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            c[i] = sum;
        }
        c[c.length - 1] = 1.0;
        return c;
    }
}
