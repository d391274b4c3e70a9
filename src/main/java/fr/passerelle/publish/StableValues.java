package fr.passerelle.publish;

import fr.passerelle.privacy.PerturbationTable;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.publish.ReleaseTables.Cell;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Released values that do not move for one person. A cell keeps the value (and the median) it had
 * in the previous release until its true count has moved by at least {@code within} people since that
 * value was drawn, or until it must be withheld (fewer than k people, or fewer than k without the
 * people contributed through app keys). A cell that was withheld stays so until it has gained {@code within}
 * people since. So the difference between two releases shows only cells where several people changed:
 * the revision policy of statistical offices, applied per cell.
 *
 * <p>What this needs, the true count each released value was drawn at, is exact and so is never
 * released: it lives in {@code <home>/release-state/<version>.state} (owner-only, written before the
 * release it belongs to is put in place, read by the next publication only, copied by backups). Cells
 * are named by {@link CellName#salt} of their names; cell keys come from record keys, which a key
 * rotation leaves alone, so the state survives rotations as it survives restarts.
 */
final class StableValues {
    /**
     * What a reader gets of one cell: its count and its medians, start to start and end to start (each
     * null when not shown).
     */
    record Released(Long people, Integer median, Integer medianAfterEnd) {
        static final Released NONE = new Released(null, null, null);
    }

    private static final int MAGIC_V1 = 0x50535431; // "PST1": one median per cell
    private static final int MAGIC = 0x50535432; // "PST2": and the end-to-start median
    private static final long WITHHELD = -1;
    private static final int NO_MEDIAN = Integer.MIN_VALUE;
    /** A state written before end-to-start medians: drawn from the cell the first time it is kept. */
    private static final int NOT_DRAWN = Integer.MIN_VALUE + 1;

    /** A drawn decision: the true count then, the value released (or {@link #WITHHELD}) and its medians. */
    private record Drawn(long people, long value, int median, int medianAfterEnd) {}

    private final PerturbationTable noise;
    private final Thresholds thresholds;
    private final int within;
    private final LongMap<Drawn> previous;
    private final LongMap<Drawn> next = new LongMap<>();
    private long kept;
    private long drawn;

    private StableValues(PerturbationTable noise, Thresholds thresholds, int within, LongMap<Drawn> previous) {
        this.noise = noise;
        this.thresholds = thresholds;
        this.within = within;
        this.previous = previous;
    }

    /** Every value drawn afresh (no state, or stability turned off). */
    static StableValues fresh(PerturbationTable noise, Thresholds thresholds) {
        return new StableValues(noise, thresholds, 0, new LongMap<>());
    }

    /** Values kept from the state in {@code dir} of the newest release (none yet: every value drawn). */
    static StableValues after(
            Path dir, long newestRelease, PerturbationTable noise, Thresholds thresholds, int within) {
        if (within <= 0) {
            return fresh(noise, thresholds);
        }
        return new StableValues(noise, thresholds, within, read(stateOf(dir, newestRelease)));
    }

    /**
     * The released value of {@code cell} (null: nobody in it) under {@code name}: kept, or drawn anew
     * as {@code count + noise(cell key)}, released only when at least k (and k without the people
     * contributed through app keys), with the cell's median when at least k people with dates stand behind it.
     */
    Released release(Cell cell, String name) {
        if (cell == null) {
            return Released.NONE;
        }
        long h = CellName.salt(name);
        long n = cell.people;
        boolean mustWithhold = n < thresholds.k() || n - cell.contributedPeople() < thresholds.k();
        Drawn before = previous.get(h);
        if (before != null && Math.abs(n - before.people()) < within && (before.value() == WITHHELD || !mustWithhold)) {
            Drawn kept = before.medianAfterEnd() != NOT_DRAWN
                    ? before
                    : new Drawn(
                            before.people(),
                            before.value(),
                            before.median(),
                            orNone(
                                    before.value() == WITHHELD
                                            ? null
                                            : thresholds.median(cell.timedAfterEnd(), cell.medianAfterEnd())));
            next.computeIfAbsent(h, x -> kept);
            this.kept++;
            return shown(kept);
        }
        drawn++;
        Long value = mustWithhold ? null : noise.release(n, cell.key + h);
        Integer median = value == null ? null : thresholds.median(cell.timed(), cell.median());
        Integer afterEnd = value == null ? null : thresholds.median(cell.timedAfterEnd(), cell.medianAfterEnd());
        Drawn now = new Drawn(n, value == null ? WITHHELD : value, orNone(median), orNone(afterEnd));
        // Withheld cells are remembered only where fewer than `within` arrivals could make them appear.
        if (within > 0 && (value != null || n > thresholds.k() - within)) {
            next.computeIfAbsent(h, x -> now);
        }
        return shown(now);
    }

    private static int orNone(Integer median) {
        return median == null ? NO_MEDIAN : median;
    }

    private static Released shown(Drawn d) {
        return d.value() == WITHHELD
                ? Released.NONE
                : new Released(
                        d.value(),
                        d.median() == NO_MEDIAN ? null : d.median(),
                        d.medianAfterEnd() == NO_MEDIAN ? null : d.medianAfterEnd());
    }

    /** Values kept from the previous release, and values drawn anew, in this one so far. */
    long kept() {
        return kept;
    }

    long drawn() {
        return drawn;
    }

    /**
     * Writes this release's state as {@code dir/<version>.state} (owner-only; by a rename, so it is
     * whole or absent). Called before the release folder itself is put in place.
     */
    void write(Path dir, long version) {
        if (within <= 0) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(version + ".state.tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            long[] keys = next.sortedKeys();
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeLong(version);
                out.writeInt(keys.length);
                for (long key : keys) {
                    Drawn d = next.get(key);
                    out.writeLong(key);
                    out.writeLong(d.people());
                    out.writeLong(d.value());
                    out.writeInt(d.median());
                    out.writeInt(d.medianAfterEnd());
                }
            }
            Files.move(tmp, dir.resolve(version + ".state"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the release state in " + dir, e);
        }
    }

    /** Removes the states of releases other than {@code version} (after it is in place). */
    static void keepOnly(Path dir, long version) {
        for (Path p : states(dir)) {
            if (!p.getFileName().toString().equals(version + ".state")) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the old release state " + p, e);
                }
            }
        }
    }

    /**
     * The state of the release {@code version}, else (a home restored from a backup, with no release
     * of its own yet) the newest state present; empty when there is none.
     */
    static Optional<Path> stateOf(Path dir, long version) {
        Path own = dir.resolve(version + ".state");
        if (Files.isRegularFile(own)) {
            return Optional.of(own);
        }
        return Arrays.stream(states(dir))
                .max(java.util.Comparator.comparingLong(
                        p -> Long.parseLong(p.getFileName().toString().replace(".state", ""))));
    }

    private static Path[] states(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Path[0];
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d+\\.state"))
                    .toArray(Path[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the release state in " + dir, e);
        }
    }

    private static LongMap<Drawn> read(Optional<Path> file) {
        LongMap<Drawn> map = new LongMap<>();
        if (file.isEmpty()) {
            return map;
        }
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file.get()), 1 << 16))) {
            int magic = in.readInt();
            if (magic != MAGIC && magic != MAGIC_V1) {
                throw new IllegalStateException(file.get() + " is not a Passerelle release state");
            }
            in.readLong();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long key = in.readLong();
                Drawn d = new Drawn(
                        in.readLong(), in.readLong(), in.readInt(), magic == MAGIC ? in.readInt() : NOT_DRAWN);
                map.computeIfAbsent(key, x -> d);
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the release state " + file.get(), e);
        }
    }
}
