package fr.passerelle.publish;

import fr.passerelle.graph.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Driver;

/**
 * What the public API reads: a read-only Neo4j holding only the current release (no person, no
 * pseudonym), on a loopback port behind a password generated for this API. A new release is
 * loaded into another instance beside the one answering ({@link ReleaseInstances}), the API's driver
 * switches to it in one step, and the old instance is given back after the questions in flight are
 * answered: no request fails during a switch.
 */
public final class ReleaseApi implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final String USER = "api";
    private final long pageCacheBytes;
    /** Where the served store is kept between starts (a server's home), null for instances from the shared pool. */
    private final Path keptIn;

    /** The reader's password: this process's own, or, for kept stores, kept beside them (owner-only folder). */
    private final String password;

    private final Database database;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "release-store-cleaner");
        t.setDaemon(true);
        return t;
    });
    private Serving current;
    /** Instances switched away from, given back once their grace period is over (or at close). */
    private final java.util.Set<Serving> retiring = new java.util.HashSet<>();

    private record Serving(Publication release, ReleaseInstance instance, Driver driver) {}

    private ReleaseApi(long pageCacheBytes, Publication first, Path keptIn) {
        this.pageCacheBytes = pageCacheBytes;
        this.keptIn = keptIn;
        this.password = keptIn == null ? ReleaseStore.randomPassword() : keptPassword(keptIn.resolve(READER_PASSWORD));
        this.current = open(first);
        // Read-only stores, one per release: answers' lookups may be kept until the next switch.
        this.database = new Database(current.driver, "neo4j", Database.TIMEOUT).fixedPerStore();
    }

    /** Serves {@code first} from an instance with this page cache. */
    public static ReleaseApi start(long pageCacheBytes, Publication first) {
        return new ReleaseApi(pageCacheBytes, first, null);
    }

    /**
     * Serves {@code first} from a store kept in {@code folder} (one per release, {@code <folder>/<version>}): the
     * store a previous start left there for this release is served as it is, and the one served at {@link #close}
     * stays for the next start. A server's restart then loads no release (measured on the demo: see the README's
     * Start-up). Other folders under {@code folder}, older releases', are removed.
     */
    public static ReleaseApi startKept(long pageCacheBytes, Publication first, Path folder) {
        Path keep = folder.toAbsolutePath().normalize();
        // Owner-only: the reader's password is kept here, and each store holds institutions' private part.
        fr.passerelle.files.Folders.ownerOnly(keep);
        ReleaseStore.removeOthers(keep, keep.resolve(Long.toString(first.version())));
        return new ReleaseApi(pageCacheBytes, first, keep);
    }

    private static final String READER_PASSWORD = "reader.password";

    private static String keptPassword(Path file) {
        try {
            if (java.nio.file.Files.isRegularFile(file)) {
                return java.nio.file.Files.readString(file).strip();
            }
            String created = ReleaseStore.randomPassword();
            java.nio.file.Files.createFile(
                    file,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            java.nio.file.Files.writeString(file, created);
            return created;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the API reader's password in " + file, e);
        }
    }

    /**
     * Removes from the kept stores in {@code folder} what lets anyone in: their account databases and passwords (the
     * build's demo home, copied to other homes). Each store's next start sets new ones.
     */
    public static void forgetSecrets(Path folder) {
        fr.passerelle.files.Folders.deleteTree(folder.resolve(READER_PASSWORD));
        try (var stores = java.nio.file.Files.list(folder)) {
            stores.filter(java.nio.file.Files::isDirectory).forEach(ReleaseInstance::forgetSecrets);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + folder, e);
        }
    }

    /** The database the API's services read (it follows each new release). */
    public Database database() {
        return database;
    }

    /** Where the current store listens (loopback; it wants this process's password). */
    public synchronized String boltUri() {
        return current.instance.boltUri();
    }

    /** Whether the release served now came from a store kept by a previous start, without a load. */
    public synchronized boolean servedFromKeptStore() {
        return current.instance.reopened();
    }

    public synchronized Publication release() {
        return current.release;
    }

    /** Switches the API to {@code next} (nothing happens when it is the release already served). */
    public synchronized void switchTo(Publication next) {
        if (current.release.version() == next.version() && current.release.dir().equals(next.dir())) {
            return;
        }
        Serving previous = current;
        current = open(next);
        database.switchTo(current.driver);
        retiring.add(previous);
        cleaner.schedule(() -> retire(previous), GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    private Serving open(Publication release) {
        if (keptIn != null) {
            ReleaseInstance kept = ReleaseInstance.startKept(
                    keptIn.resolve(Long.toString(release.version())), pageCacheBytes, release, USER, password);
            try {
                return new Serving(release, kept, Database.driver(kept.boltUri(), USER, password));
            } catch (RuntimeException e) {
                kept.shutdown();
                throw e;
            }
        }
        ReleaseInstance instance = ReleaseInstances.take(pageCacheBytes);
        try {
            instance.load(release, USER, password, true);
            return new Serving(release, instance, Database.driver(instance.boltUri(), USER, password));
        } catch (RuntimeException e) {
            // Half loaded: nobody may read it, nor load another release on top of it.
            ReleaseInstances.stop(instance);
            throw e;
        }
    }

    private void retire(Serving s) {
        synchronized (this) {
            if (!retiring.remove(s)) {
                return;
            }
        }
        giveBack(s);
    }

    private static void giveBack(Serving s) {
        s.driver.close();
        if (s.instance.kept()) {
            s.instance.stop(); // an older release's store: the next start serves the newest
        } else {
            ReleaseInstances.giveBack(s.instance);
        }
    }

    @Override
    public synchronized void close() {
        cleaner.shutdownNow();
        // Nothing reads through this API any more: the instances in their grace period go back now too.
        retiring.forEach(ReleaseApi::giveBack);
        retiring.clear();
        if (current.instance.kept()) {
            current.driver.close();
            current.instance.shutdown(); // stays on disk for the next start
        } else {
            giveBack(current);
        }
    }
}
