package fr.passerelle.person;

import fr.passerelle.graph.Database;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * How many people changed since the last release: added, replaced or removed, each person once
 * (what the publication policy weighs). Kept on the Meta node in the same transaction as the change;
 * a record carries the publication window in which it was last written ({@code window}) and whether
 * it was new then ({@code fresh}), so that a person replaced twice counts once and a person added then
 * removed before any release counts not at all. Never shown to a reader: it is an exact count of people.
 */
public final class PendingChanges {
    private PendingChanges() {}

    /** What writing a new version of a person adds: 1 for someone new or not yet changed in this window. */
    public static int ofWrite(Record stored, long window) {
        return stored != null && inWindow(stored, window) ? 0 : 1;
    }

    /** Whether a written record is new in this window (so that removing it again cancels it). */
    public static boolean freshAfterWrite(Record stored, long window) {
        return stored == null || inWindow(stored, window) && stored.get("fresh").asBoolean(false);
    }

    /** What removing a stored person adds: -1 when it was added in this window, 0 when replaced in it, else 1. */
    public static int ofRemoval(Record stored, long window) {
        if (!inWindow(stored, window)) {
            return 1;
        }
        return stored.get("fresh").asBoolean(false) ? -1 : 0;
    }

    private static boolean inWindow(Record stored, long window) {
        return !stored.get("window").isNull() && stored.get("window").asLong() == window;
    }

    /** Adds {@code delta} to the pending count, inside the writer's transaction (which holds the lock). */
    public static void add(Database.Writer w, long delta) {
        if (delta != 0) {
            w.run("person/add-pending-changes", Map.of("delta", delta));
        }
    }
}
