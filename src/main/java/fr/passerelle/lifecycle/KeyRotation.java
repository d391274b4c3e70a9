package fr.passerelle.lifecycle;

import fr.passerelle.graph.Database;
import fr.passerelle.privacy.HmacKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * {@code rotate-key}: a new secret appended to the key file, then every stored pseudonym (person
 * records and the do-not-collect list) re-keyed to it in batches, each under the writers' lock.
 * Writers refuse while it runs; interrupted, it resumes where it stopped (each record carries the
 * key id it is under), and running it again after it finished starts a new rotation.
 */
public final class KeyRotation {
    /** What a rotation did. */
    public record Result(String from, String to, long persons, long tombstones, boolean resumed) {}

    private final Database db;
    private final int batchSize;

    public KeyRotation(Database db, int batchSize) {
        this.db = db;
        this.batchSize = batchSize;
    }

    /**
     * Rotates the key in {@code keyFile} (whose chain {@code current} was loaded from). Returns the
     * result and leaves the file holding the new chain; the caller must use the returned key id.
     */
    public Result rotate(HmacKey current, Path keyFile) {
        String stored = metaKeyId();
        HmacKey key = current;
        boolean resumed = stored != null
                && !stored.equals(current.keyId())
                && current.keyIds().contains(stored);
        if (stored != null && !current.keyIds().contains(stored)) {
            throw new IllegalStateException(
                    "the data is under key " + stored + ", which is not in the key file's chain " + current.keyIds());
        }
        if (!resumed) {
            // The new secret is on disk before any pseudonym changes: a crash after this point resumes.
            key = current.appendNewSecret(keyFile);
        }
        String to = key.keyId();
        db.write(w -> w.run("lifecycle/rotation-start", Map.of("to", to)));
        long persons = rekey(key, to, "lifecycle/persons-to-rekey", "lifecycle/rekey-persons", Long.MAX_VALUE);
        long tombstones = rekey(key, to, "lifecycle/tombstones-to-rekey", "lifecycle/rekey-tombstones", Long.MAX_VALUE);
        db.write(w -> w.run("lifecycle/rotation-finish", Map.of("to", to)));
        return new Result(stored == null ? current.keyId() : stored, to, persons, tombstones, resumed);
    }

    private String metaKeyId() {
        List<String> ids =
                db.read("lifecycle/meta-key", Map.of(), r -> r.get("keyId").asString(null));
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Re-keys at most {@code limit} records (tests stop half-way to check resumption). */
    long rekey(HmacKey key, String to, String select, String update, long limit) {
        long done = 0;
        while (done < limit) {
            long n = db.write(w -> {
                w.run("lifecycle/lock-for-rotation", Map.of());
                List<Record> batch = w.run(select, Map.of("to", to, "limit", batchSize));
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Record r : batch) {
                    rows.add(Map.of(
                            "old",
                            r.get("pid").asString(),
                            "new",
                            key.rekey(r.get("pid").asString(), r.get("keyId").asString())));
                }
                if (!rows.isEmpty()) {
                    w.run(update, Map.of("rows", rows, "to", to));
                }
                return (long) rows.size();
            });
            if (n == 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    /** For tests: start a rotation and re-key only the first {@code limit} person records, as if interrupted. */
    public HmacKey startAndStop(HmacKey current, Path keyFile, long limit) {
        HmacKey key = current.appendNewSecret(keyFile);
        String to = key.keyId();
        db.write(w -> w.run("lifecycle/rotation-start", Map.of("to", to)));
        rekey(key, to, "lifecycle/persons-to-rekey", "lifecycle/rekey-persons", limit);
        return key;
    }
}
