package fr.passerelle.publish;

import java.time.Duration;
import java.time.Instant;

/**
 * When a new release goes out. Not at every change: the difference between two releases would be a
 * picture of the one person who changed. A release goes out when at least {@code minChanges} people
 * were added, replaced or removed since the last one, or when the last one is {@code maxDelay} old
 * and anything changed (so an erased person leaves the published figures within it), or when an
 * operator forces it (logged). The server checks every {@code checkEvery}.
 */
public record PublicationPolicy(int minChanges, Duration maxDelay, Duration checkEvery) {
    /** Why a release went out, or why not. */
    public enum Reason {
        /** No release exists yet: readers need one. */
        FIRST,
        ENOUGH_CHANGES,
        LONGEST_DELAY,
        FORCED,
        /** Some people changed, fewer than the minimum, and the longest delay is not reached. */
        WAITING,
        NOTHING_CHANGED
    }

    /**
     * @param publish whether a release goes out now
     * @param lastPublishedAt the newest release's time (null: none)
     * @param latestBy when the changes waiting now will be published at the latest (null: none wait)
     */
    public record Decision(boolean publish, Reason reason, Instant lastPublishedAt, Instant latestBy) {}

    public Decision decide(long changes, Instant lastPublishedAt, Instant now, boolean force) {
        Instant latestBy = lastPublishedAt == null || changes <= 0 ? null : lastPublishedAt.plus(maxDelay);
        if (lastPublishedAt == null) {
            return new Decision(true, Reason.FIRST, null, null);
        }
        if (force) {
            return new Decision(true, Reason.FORCED, lastPublishedAt, latestBy);
        }
        if (changes <= 0) {
            return new Decision(false, Reason.NOTHING_CHANGED, lastPublishedAt, null);
        }
        if (changes >= minChanges) {
            return new Decision(true, Reason.ENOUGH_CHANGES, lastPublishedAt, latestBy);
        }
        if (!now.isBefore(latestBy)) {
            return new Decision(true, Reason.LONGEST_DELAY, lastPublishedAt, latestBy);
        }
        return new Decision(false, Reason.WAITING, lastPublishedAt, latestBy);
    }
}
