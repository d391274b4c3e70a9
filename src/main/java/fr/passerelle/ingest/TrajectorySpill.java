package fr.passerelle.ingest;

import fr.passerelle.person.Visit;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Normalised trajectories on disk, in the order they were read, so that a bulk load holds one person
 * at a time instead of every person (10M people would need about 70 GiB of heap). Beside the file,
 * one 64-bit fingerprint per trajectory (8 bytes a person): sorted once at the end, they tell which
 * pseudonyms came more than once, the only people whose versions must be held together to keep the
 * last one.
 */
final class TrajectorySpill implements AutoCloseable {
    private final Path file;
    private final DataOutputStream out;
    private long[] fingerprints = new long[1 << 16];
    private int count;
    private Set<Long> repeated;

    TrajectorySpill(Path dir) {
        try {
            Files.createDirectories(dir);
            this.file = Files.createTempFile(dir, "trajectories-", ".spill");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bulk import's spill file in " + dir, e);
        }
    }

    void add(Trajectory t) {
        if (repeated != null) {
            throw new IllegalStateException("the spill is being read back");
        }
        try {
            out.writeUTF(t.pid());
            writeNullable(t.source());
            writeNullable(t.digest());
            out.writeBoolean(t.withdrawn());
            out.writeInt(t.visits().size());
            for (Visit v : t.visits()) {
                out.writeUTF(v.step());
                out.writeInt(v.start());
                out.writeInt(v.end());
                writeNullable(v.region());
                writeNullable(v.institution());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spill file " + file, e);
        }
        if (count == fingerprints.length) {
            fingerprints = Arrays.copyOf(fingerprints, count * 2);
        }
        fingerprints[count++] = fingerprint(t.pid());
    }

    int size() {
        return count;
    }

    /**
     * Reads every trajectory back in the order written, telling for each whether its pseudonym was
     * written more than once (or shares its fingerprint with another: rare, and only costs memory).
     */
    void replay(Visitor visitor) {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spill file " + file, e);
        }
        if (repeated == null) {
            long[] sorted = Arrays.copyOf(fingerprints, count);
            fingerprints = null;
            Arrays.parallelSort(sorted);
            repeated = new HashSet<>();
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    repeated.add(sorted[i]);
                }
            }
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            for (int n = 0; n < count; n++) {
                String pid = in.readUTF();
                String source = readNullable(in);
                String digest = readNullable(in);
                boolean withdrawn = in.readBoolean();
                int visits = in.readInt();
                List<Visit> steps = new ArrayList<>(visits);
                for (int i = 0; i < visits; i++) {
                    steps.add(new Visit(in.readUTF(), in.readInt(), in.readInt(), readNullable(in), readNullable(in)));
                }
                visitor.visit(
                        new Trajectory(pid, source, List.copyOf(steps), digest, withdrawn),
                        repeated.contains(fingerprint(pid)));
            }
        } catch (EOFException e) {
            throw new IllegalStateException("the spill file " + file + " ends early", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spill file " + file, e);
        }
    }

    /** What {@link #replay} calls for each trajectory. */
    interface Visitor {
        void visit(Trajectory t, boolean repeated);
    }

    private void writeNullable(String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** 64 bits of the pseudonym, mixed (FNV-1a then a finaliser): collisions are harmless, only rare. */
    static long fingerprint(String pid) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < pid.length(); i++) {
            h ^= pid.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the spill file " + file, e);
        }
    }
}
