package fr.passerelle.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The disclosure gate on released values: one rule per kind of number, "not shown" always null. */
class ThresholdsTest {
    private final Thresholds gate = Thresholds.defaults();

    @Test
    void sharesOnlyOnADenominatorOfAtLeastTheMinimumAndNeverAboveOne() {
        assertNull(gate.share(12L, 19L), "19 is under the minimum denominator of 20");
        assertNull(gate.share(null, 40L), "a part not released gives no share");
        assertNull(gate.share(12L, null), "nor a whole not released");
        Share half = gate.share(20L, 40L);
        assertEquals(0.5, half.value(), 1e-12);
        assertTrue(half.low() < 0.5 && half.high() > 0.5, "with its interval");
        assertEquals(1.0, gate.share(43L, 41L).value(), 1e-12, "two noises apart: the part is shown as the whole");
    }

    @Test
    void theRestOfABreakdownOnlyWhenAtLeastK() {
        assertEquals(11L, gate.remainder(50L, 39));
        assertNull(gate.remainder(50L, 40), "10 left: fewer than k");
        assertNull(gate.remainder(null, 0), "no total, nothing to subtract from");
        assertNull(gate.remainder(30L, 35), "noise can make the listed parts exceed the total: nothing is shown");
    }

    @Test
    void mediansOverAtLeastKPeopleAndPartsNeverAboveTheirWhole() {
        assertNull(gate.median(10, 24));
        assertEquals(24, gate.median(11, 24));
        assertEquals(30L, Thresholds.atMost(31L, 30L));
        assertEquals(29L, Thresholds.atMost(29L, 30L));
        assertNull(Thresholds.atMost(null, 30L));
        assertEquals(12L, Thresholds.atMost(12L, null));
    }

    @Test
    void countsUnderKNeverLeaveWhateverTheirNoise() {
        PerturbationTable noise = PerturbationTable.defaults(gate.k());
        for (long people = 1; people < gate.k(); people++) {
            for (long key = 0; key < 5000; key += 7) {
                assertNull(noise.release(people, key * 2654435761L), people + " people");
            }
        }
        for (long key = 0; key < 5000; key += 7) {
            Long shown = noise.release(40, key * 2654435761L);
            assertTrue(shown != null && Math.abs(shown - 40) <= noise.maxNoise(), "40 people: " + shown);
        }
    }

    @Test
    void thresholdsBelowTheFloorAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(4, 20));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(11, 10));
    }
}
