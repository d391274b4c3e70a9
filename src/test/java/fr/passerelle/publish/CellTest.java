package fr.passerelle.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A cell's medians (start to start, end to start) are the lower medians of the months given, whether
 * it keeps a list or a histogram.
 */
class CellTest {
    @Test
    void theMedianIsTheLowerMedianOfTheMonthsAtAnySize() {
        SplittableRandom random = new SplittableRandom(5);
        for (int size : new int[] {1, 2, 3, 31, 32, 33, 64, 1000, 100_000}) {
            ReleaseTables.Cell cell = new ReleaseTables.Cell();
            int[] given = new int[size];
            int[] gaps = new int[size / 2];
            for (int p = 0; p < size; p++) {
                // Months beyond 120 count as 120, as published.
                int months = random.nextInt(200);
                // Every other person has no end date: no end-to-start months.
                int gap = p % 2 == 1 ? random.nextInt(40) : -1;
                cell.add(p, p, months, gap);
                cell.add(p, p, 7, 7); // the same person again: not counted twice
                given[p] = Math.min(months, 120);
                if (gap >= 0) {
                    gaps[p / 2] = gap;
                }
            }
            Arrays.sort(given);
            Arrays.sort(gaps);
            assertEquals(size, cell.people, "people at " + size);
            assertEquals(size, cell.timed(), "timed at " + size);
            assertEquals(given[(int) Math.ceil(0.5 * size) - 1], cell.median(), "median at " + size);
            assertEquals(size / 2, cell.timedAfterEnd(), "timed after the end at " + size);
            assertEquals(
                    size < 2 ? null : gaps[(int) Math.ceil(0.5 * gaps.length) - 1],
                    cell.medianAfterEnd(),
                    "median after the end at " + size);
        }
        assertNull(new ReleaseTables.Cell().median());
        assertNull(new ReleaseTables.Cell().medianAfterEnd());
    }
}
