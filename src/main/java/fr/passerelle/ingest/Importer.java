package fr.passerelle.ingest;

import fr.passerelle.graph.Database;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.person.AggregateDelta;
import fr.passerelle.person.PendingChanges;
import fr.passerelle.person.PersonRecords;
import fr.passerelle.person.WriteLock;
import fr.passerelle.privacy.HmacKey;
import fr.passerelle.privacy.RecordKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.neo4j.driver.Record;

/**
 * Writes trajectories into the graph in batches. Each batch is one transaction that locks the
 * {@code Meta} node, reads the stored version of its people, and applies the difference to the
 * aggregates, so that:
 * <ul>
 *   <li>re-importing the same or an overlapping file changes nothing (same digest, nothing to do);</li>
 *   <li>a newer version of a trajectory replaces the old one, and the counts follow;</li>
 *   <li>a crash leaves every batch either fully written or not at all, and a re-run finishes the job.</li>
 * </ul>
 */
public final class Importer {
    private final Database db;
    private final Normaliser normaliser;
    private final String keyId;
    private final Erasure erasure;
    private final int batchSize;
    private final Clock clock;
    private final RecordKeys recordKeys;
    /** The app key contributions come through (null: not a contribution), kept on each record: contributed people never lift a cell over k. */
    private final String contributor;

    public Importer(
            Database db, Normaliser normaliser, HmacKey key, RecordKeys recordKeys, int batchSize, Clock clock) {
        this(db, normaliser, key, recordKeys, batchSize, clock, new Erasure(db, key, clock));
    }

    /** With the erasure that removes people absent from a source or who withdrew (and journals those it lists). */
    public Importer(
            Database db,
            Normaliser normaliser,
            HmacKey key,
            RecordKeys recordKeys,
            int batchSize,
            Clock clock,
            Erasure erasure) {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch size must be 1..100000, got " + batchSize);
        }
        this.db = db;
        this.normaliser = normaliser;
        this.keyId = key.keyId();
        this.erasure = erasure;
        this.batchSize = batchSize;
        this.clock = clock;
        this.recordKeys = recordKeys;
        this.contributor = null;
    }

    private Importer(Importer other, String contributor) {
        this.db = other.db;
        this.normaliser = other.normaliser;
        this.keyId = other.keyId;
        this.erasure = other.erasure;
        this.batchSize = other.batchSize;
        this.clock = other.clock;
        this.recordKeys = other.recordKeys;
        this.contributor = contributor;
    }

    /** The same importer for people's own contributions through the app {@code appKey}: each record names the key. */
    public Importer contributedThrough(String appKey) {
        return new Importer(this, appKey);
    }

    /**
     * Imports files (JSON Lines or CSV). With {@code strict}, any problem rejects the whole import
     * before anything is written.
     */
    public ImportReport importFiles(List<Path> files, boolean strict, LongConsumer progress) {
        return importFiles(files, strict, null, progress);
    }

    /**
     * Imports files; with {@code replaceSource}, the files are that source's full current export, and
     * its people absent from them are erased afterwards (without joining the do-not-collect list:
     * absence is not an objection).
     */
    public ImportReport importFiles(List<Path> files, boolean strict, String replaceSource, LongConsumer progress) {
        if (strict) {
            ImportReport check = new ImportReport();
            Instant start = clock.instant();
            TrajectoryInput input = new TrajectoryInput(normaliser, check);
            for (Path file : files) {
                input.readFile(file, t -> {});
            }
            if (check.problemCount > 0) {
                check.rejected = true;
                check.elapsed = Duration.between(start, clock.instant());
                return check;
            }
        }
        Run run = new Run(progress);
        TrajectoryInput input = new TrajectoryInput(normaliser, run.report);
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Path file : files) {
            input.readFile(file, t -> {
                if (t.source().equals(replaceSource)) {
                    present.add(t.pid());
                }
                run.offer(t);
            });
        }
        ImportReport report = run.finish();
        if (replaceSource != null && report.problemCount == 0) {
            List<String> absent = db
                    .read(
                            "import/persons-of-source",
                            Map.of("source", replaceSource),
                            r -> r.get("pid").asString())
                    .stream()
                    .filter(pid -> !present.contains(pid))
                    .toList();
            report.absentErased = erasure.erasePseudonyms(absent, Erasure.Reason.ABSENT_FROM_SOURCE)
                    .size();
        } else if (replaceSource != null) {
            // A refresh with unreadable lines is not a full export: erasing "absent" people could erase readable ones.
            report.problem(new InputProblem(
                    String.join(", ", files.stream().map(Path::toString).toList()),
                    "--replace-source " + replaceSource + " erased nobody, because some lines could not be read"));
        }
        return report;
    }

    /** Imports records already in memory (the demo generator, tests). */
    public ImportReport importRecords(Iterable<RawTrajectory> records, LongConsumer progress) {
        Run run = new Run(progress);
        TrajectoryInput input = new TrajectoryInput(normaliser, run.report);
        input.normalise(records, run::offer);
        return run.finish();
    }

    /** One import: batches, the report, and the version bump at the end. */
    private final class Run {
        final ImportReport report = new ImportReport();
        final LongConsumer progress;
        final Instant start = clock.instant();
        final String collectedAt =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        LinkedHashMap<String, Trajectory> batch = new LinkedHashMap<>();
        boolean changed;

        Run(LongConsumer progress) {
            this.progress = progress;
        }

        void offer(Trajectory t) {
            Trajectory previous = batch.get(t.pid());
            if (previous != null && previous.withdrawn()) {
                // A withdrawal is final: a later record of the same person is refused, as in a later batch.
                report.doNotCollect++;
                return;
            }
            // Within a batch the last version of a person wins, as it would across batches.
            if (batch.put(t.pid(), t) != null && !t.withdrawn()) {
                report.replaced++;
            }
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Trajectory> people = new ArrayList<>(batch.values());
            batch = new LinkedHashMap<>();
            BatchOutcome outcome = db.write(w -> writeBatch(w, people, collectedAt));
            report.added += outcome.added;
            report.doNotCollect += outcome.doNotCollect;
            report.withdrawn += outcome.withdrawn;
            report.replaced += outcome.replaced;
            report.unchanged += outcome.unchanged;
            report.visits += outcome.visits;
            changed |= outcome.added + outcome.replaced + outcome.withdrawn > 0;
            progress.accept(people.size());
        }

        ImportReport finish() {
            flush();
            if (changed) {
                db.writeOne("person/bump-version", Map.of());
            }
            report.elapsed = Duration.between(start, clock.instant());
            return report;
        }
    }

    private record BatchOutcome(
            long added, long replaced, long unchanged, long visits, long doNotCollect, long withdrawn) {}

    private BatchOutcome writeBatch(Database.Writer w, List<Trajectory> batch, String collectedAt) {
        long window = WriteLock.take(w, keyId);
        // The do-not-collect list is honoured before anything else.
        java.util.Set<String> refused = new java.util.HashSet<>(
                w
                        .run(
                                "person/do-not-collect",
                                Map.of(
                                        "pids",
                                        batch.stream().map(Trajectory::pid).toList()))
                        .stream()
                        .map(r -> r.get("pid").asString())
                        .toList());
        List<String> withdrawn = batch.stream()
                .filter(t -> t.withdrawn() && !refused.contains(t.pid()))
                .map(Trajectory::pid)
                .toList();
        if (!withdrawn.isEmpty()) {
            erasure.eraseBatch(w, window, withdrawn, Erasure.Reason.WITHDRAWN);
        }
        List<Trajectory> people = batch.stream()
                .filter(t -> !t.withdrawn() && !refused.contains(t.pid()))
                .toList();
        List<String> pids = people.stream().map(Trajectory::pid).toList();
        Map<String, Record> stored = PersonRecords.stored(w, pids);
        AggregateDelta delta = new AggregateDelta();
        List<String> unchanged = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<Map<String, Object>> create = new ArrayList<>();
        long visits = 0;
        long changes = 0;
        for (Trajectory t : people) {
            Record old = stored.get(t.pid());
            if (old != null && old.get("digest").asString().equals(t.digest())) {
                unchanged.add(t.pid());
                continue;
            }
            if (old != null) {
                replaced.add(t.pid());
                delta.add(PersonRecords.visits(old), -1);
            }
            delta.add(t.visits(), +1);
            // A replaced record keeps its record key, so the noise of the cells it stays in does not move.
            Map<String, Object> row = personRow(
                    t,
                    old != null && !old.get("rkey").isNull() ? old.get("rkey").asLong() : recordKeys.of(t.pid()));
            row.put("window", window);
            row.put("fresh", PendingChanges.freshAfterWrite(old, window));
            row.put("contributor", contributor);
            create.add(row);
            changes += PendingChanges.ofWrite(old, window);
            visits += t.visits().size();
        }
        if (!unchanged.isEmpty()) {
            w.run("import/touch-persons", Map.of("pids", unchanged, "collectedAt", collectedAt));
        }
        if (!replaced.isEmpty()) {
            w.run("person/delete-persons", Map.of("pids", replaced));
        }
        if (!create.isEmpty()) {
            w.run("import/create-persons", Map.of("persons", create, "keyId", keyId, "collectedAt", collectedAt));
        }
        delta.writeTo(w);
        PendingChanges.add(w, changes);
        return new BatchOutcome(
                create.size() - replaced.size(),
                replaced.size(),
                unchanged.size(),
                visits,
                batch.stream().filter(t -> refused.contains(t.pid())).count(),
                withdrawn.size());
    }

    /** The stored records of these people, by pseudonym (read under the writer lock). */
    private static Map<String, Object> personRow(Trajectory t, long rkey) {
        return PersonRecords.row(t.pid(), rkey, t.source(), t.digest(), t.visits());
    }
}
