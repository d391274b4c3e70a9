package fr.passerelle.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The perturbation table's promises: unbiased, the stated variance, bounded, nothing released between 1 and k - 1. */
class PerturbationTableTest {
    final PerturbationTable table = PerturbationTable.defaults(11);

    @Test
    void theFullRowIsUnbiasedWithTheStatedVarianceAndBound() {
        double[] p = table.distribution(1000);
        int d = table.maxNoise();
        assertEquals(2 * d + 1, p.length);
        double sum = 0;
        double mean = 0;
        double variance = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            mean += p[i] * (i - d);
            variance += p[i] * (i - d) * (i - d);
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(0.0, mean, 1e-12);
        assertEquals(table.variance(), variance, 1e-9);
    }

    @Test
    void cellKeysDrawTheTablesNoise() {
        // Uniform cell keys give the table's distribution; the same key, the same noise.
        SplittableRandom random = new SplittableRandom(5);
        int d = table.maxNoise();
        long[] seen = new long[2 * d + 1];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            long key = random.nextLong();
            int noise = table.noise(100, key);
            assertTrue(Math.abs(noise) <= d);
            assertEquals(noise, table.noise(100, key));
            seen[noise + d]++;
        }
        double[] p = table.distribution(100);
        for (int j = 0; j < seen.length; j++) {
            assertEquals(p[j], (double) seen[j] / n, 0.005, "noise " + (j - d));
        }
    }

    @Test
    void nothingBetweenOneAndKMinusOneIsEverReleased() {
        SplittableRandom random = new SplittableRandom(9);
        for (long count = 0; count < 40; count++) {
            for (int i = 0; i < 2000; i++) {
                Long released = table.release(count, random.nextLong());
                if (released != null) {
                    assertTrue(released >= 11, count + " released as " + released);
                    assertTrue(count >= 11, "a cell of " + count + " people is never released");
                    assertTrue(Math.abs(released - count) <= table.maxNoise());
                }
            }
        }
        assertNull(table.release(10, 0));
    }

    @Test
    void absurdParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PerturbationTable(0, 1, 11));
        assertThrows(IllegalArgumentException.class, () -> new PerturbationTable(2, 4, 11));
        assertThrows(IllegalArgumentException.class, () -> new PerturbationTable(3, -1, 11));
    }
}
