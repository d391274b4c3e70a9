package fr.passerelle.lifecycle;

import fr.passerelle.graph.Database;
import fr.passerelle.person.AggregateDelta;
import fr.passerelle.person.PendingChanges;
import fr.passerelle.person.PersonRecords;
import fr.passerelle.person.Visit;
import fr.passerelle.person.WriteLock;
import fr.passerelle.privacy.HmacKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;

/**
 * Removes people: their pseudonymous record and every contribution they made to the aggregates, in
 * one transaction per batch, so the graph is exactly what it would be had they never been imported.
 * Erased and withdrawn people join the do-not-collect list, which every import checks first; people
 * past the retention limit do not (they may be collected again later).
 */
public final class Erasure {
    /** Why someone is removed; whether they join the do-not-collect list. */
    public enum Reason {
        ERASURE(true),
        WITHDRAWN(true),
        RETENTION(false),
        ABSENT_FROM_SOURCE(false),
        CONSENT_WITHDRAWN(true);

        final boolean tombstone;

        Reason(boolean tombstone) {
            this.tombstone = tombstone;
        }
    }

    /**
     * What was done for one person.
     *
     * @param found whether a record existed (erasing an unknown person is not an error)
     * @param stepsRemoved steps of the record removed
     * @param transitionsAffected distinct transitions whose counts were decreased
     * @param doNotCollect whether the pseudonym is now on the do-not-collect list
     */
    public record Receipt(
            String pseudonym,
            String keyId,
            boolean found,
            int stepsRemoved,
            int transitionsAffected,
            boolean doNotCollect,
            String reason,
            String erasedAt) {}

    private static final int BATCH = 5000;
    private final Database db;
    private final HmacKey key;
    private final Clock clock;
    private final DoNotCollectJournal journal;

    public Erasure(Database db, HmacKey key, Clock clock) {
        this(db, key, clock, null);
    }

    /** With {@code journal}: every pseudonym put on the do-not-collect list is also appended there (null: none). */
    public Erasure(Database db, HmacKey key, Clock clock, DoNotCollectJournal journal) {
        this.db = db;
        this.key = key;
        this.clock = clock;
        this.journal = journal;
    }

    /** Erases the people known to {@code source} as {@code ids}. */
    public List<Receipt> erase(String source, List<String> ids, Reason reason) {
        return erasePseudonyms(ids.stream().map(id -> key.pseudonym(source, id)).toList(), reason);
    }

    public List<Receipt> erasePseudonyms(List<String> pids, Reason reason) {
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < pids.size(); i += BATCH) {
            List<String> batch = pids.subList(i, Math.min(pids.size(), i + BATCH));
            receipts.addAll(db.write(w -> {
                long window = WriteLock.take(w, key.keyId());
                return eraseBatch(w, window, batch, reason);
            }));
        }
        if (receipts.stream().anyMatch(Receipt::found)) {
            db.writeOne("person/bump-version", Map.of());
        }
        return receipts;
    }

    /** Erases inside a transaction that already holds the writer lock (an import batch); returns the receipts. */
    public List<Receipt> eraseBatch(Database.Writer w, long window, List<String> pids, Reason reason) {
        Map<String, Record> stored = PersonRecords.stored(w, pids);
        AggregateDelta delta = new AggregateDelta();
        String at = Instant.now(clock).toString();
        List<Receipt> receipts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long changes = 0;
        for (String pid : pids) {
            if (!seen.add(pid)) {
                continue;
            }
            Record r = stored.get(pid);
            int steps = 0;
            int transitions = 0;
            if (r != null) {
                changes += PendingChanges.ofRemoval(r, window);
                List<Visit> visits = PersonRecords.visits(r);
                delta.add(visits, -1);
                steps = visits.size();
                Set<String> edges = new HashSet<>();
                for (int i = 1; i < visits.size(); i++) {
                    edges.add(
                            visits.get(i - 1).step() + "\u0000" + visits.get(i).step());
                }
                transitions = edges.size();
            }
            receipts.add(new Receipt(
                    pid,
                    key.keyId(),
                    r != null,
                    steps,
                    transitions,
                    reason.tombstone,
                    reason.name().toLowerCase(java.util.Locale.ROOT),
                    at));
        }
        if (!stored.isEmpty()) {
            w.run("person/delete-persons", Map.of("pids", new ArrayList<>(stored.keySet())));
            delta.writeTo(w);
            PendingChanges.add(w, changes);
        }
        if (reason.tombstone) {
            String why = reason.name().toLowerCase(java.util.Locale.ROOT);
            String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
            w.run(
                    "lifecycle/add-do-not-collect",
                    Map.of("pids", new ArrayList<>(seen), "keyId", key.keyId(), "reason", why, "at", day));
            if (journal != null) {
                journal.append(new ArrayList<>(seen), key.keyId(), why, day);
            }
        }
        return receipts;
    }

    /** Erases every record last collected more than {@code months} months ago; returns the receipts. */
    public List<Receipt> purge(int months) {
        String before = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .minusMonths(months)
                .toString();
        List<String> pids = db.read(
                "lifecycle/expired-persons",
                Map.of("before", before),
                r -> r.get("pid").asString());
        List<Receipt> receipts = erasePseudonyms(pids, Reason.RETENTION);
        db.writeOne("lifecycle/record-purge", Map.of());
        return receipts;
    }
}
