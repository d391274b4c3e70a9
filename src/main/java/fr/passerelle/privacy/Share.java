package fr.passerelle.privacy;

/**
 * A proportion with its 95% Wilson score interval, which stays inside [0, 1] and behaves for small
 * counts, unlike the normal approximation.
 */
public record Share(double value, double low, double high) {
    private static final double Z = 1.959963984540054;

    public static Share of(long successes, long total) {
        if (total <= 0 || successes < 0 || successes > total) {
            throw new IllegalArgumentException("share of " + successes + " in " + total);
        }
        double n = total;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Share(round(p), round(Math.max(0, centre - half)), round(Math.min(1, centre + half)));
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
