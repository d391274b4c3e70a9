package fr.passerelle.person;

import fr.passerelle.graph.Database;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * The writers' lock (the Meta node), taken first in every writing transaction, which also checks
 * that the writer's pseudonymisation key is the one the data is under and that no key rotation is
 * half done: a stale key would file known people under new pseudonyms.
 */
public final class WriteLock {
    private WriteLock() {}

    /** Takes the lock; returns the current publication window (see {@link PendingChanges}). */
    public static long take(Database.Writer w, String keyId) {
        List<Record> meta = w.run("person/lock", Map.of("keyId", keyId));
        if (meta.isEmpty()) {
            return 0;
        }
        Record m = meta.get(0);
        if (!m.get("rotatingTo").isNull()) {
            throw new IllegalStateException(
                    "a key rotation to " + m.get("rotatingTo").asString()
                            + " is in progress; run 'passerelle rotate-key' again to finish it before importing or erasing");
        }
        if (!m.get("keyId").isNull() && !m.get("keyId").asString().equals(keyId)) {
            throw new IllegalStateException(
                    "the data is pseudonymised with key " + m.get("keyId").asString() + " but this process holds key "
                            + keyId + "; use the current key file (restart the server after 'rotate-key')");
        }
        return m.get("window").asLong(0);
    }
}
