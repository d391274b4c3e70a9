package fr.passerelle.publish;

import fr.passerelle.privacy.Share;

/**
 * What the publication gives a table written in a unit of its own: each cell's released value (k,
 * cell-key noise, stable values; null when withheld) and shares on released denominators of at least
 * the minimum. Adding a table is then its counting in {@link ReleaseTables}, its unit, its load
 * statement and its tests.
 */
interface ReleasedValues {
    Long released(ReleaseTables.Cell cell, String name);

    Share share(Long part, Long whole);

    /** A cell's released people and the median of its durations (null with the people, or when none timed). */
    WithMedian withMedian(ReleaseTables.Cell cell, String name);

    record WithMedian(Long people, Integer median) {
        static final WithMedian NONE = new WithMedian(null, null);
    }
}
