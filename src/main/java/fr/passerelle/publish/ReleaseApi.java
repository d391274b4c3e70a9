package fr.passerelle.publish;

import fr.passerelle.graph.Database;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
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
    private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
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

    private ReleaseApi(long pageCacheBytes, Publication first) {
        this.pageCacheBytes = pageCacheBytes;
        this.current = open(first);
        // Read-only stores, one per release: answers' lookups may be kept until the next switch.
        this.database = new Database(current.driver, "neo4j", Database.TIMEOUT).fixedPerStore();
    }

    /** Serves {@code first} from an instance with this page cache. */
    public static ReleaseApi start(long pageCacheBytes, Publication first) {
        return new ReleaseApi(pageCacheBytes, first);
    }

    /** The database the API's services read (it follows each new release). */
    public Database database() {
        return database;
    }

    /** Where the current store listens (loopback; it wants this process's password). */
    public synchronized String boltUri() {
        return current.instance.boltUri();
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
        ReleaseInstances.giveBack(s.instance);
    }

    @Override
    public synchronized void close() {
        cleaner.shutdownNow();
        // Nothing reads through this API any more: the instances in their grace period go back now too.
        retiring.forEach(ReleaseApi::giveBack);
        retiring.clear();
        giveBack(current);
    }
}
