package fr.passerelle.publish;

import fr.passerelle.graph.Database;
import fr.passerelle.graph.EmbeddedNeo4j;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;

/**
 * What the public API reads: a read-only Neo4j holding only the current release (no person, no
 * pseudonym), on a loopback port behind a password generated for this process. A new release is
 * built into a new store beside the old one, the API's driver switches to it in one step, and the
 * old store is closed after the questions in flight are answered: no request fails during a switch.
 */
public final class ReleaseApi implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final String USER = "api";
    private final Path root;
    private final long pageCacheBytes;
    private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final Database database;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "release-store-cleaner");
        t.setDaemon(true);
        return t;
    });
    private Serving current;

    private record Serving(
            Publication release, Path store, DatabaseManagementService service, Driver driver, String boltUri) {}

    private ReleaseApi(Path root, long pageCacheBytes, Publication first) {
        this.root = root;
        this.pageCacheBytes = pageCacheBytes;
        this.current = open(first);
        // Read-only stores, one per release: answers' lookups may be kept until the next switch.
        this.database = new Database(current.driver, "neo4j", Database.TIMEOUT).fixedPerStore();
    }

    /** Serves {@code first}; stores live under {@code root} (cleared: leftovers of a previous run go). */
    public static ReleaseApi start(Path root, long pageCacheBytes, Publication first) {
        fr.passerelle.files.Folders.deleteTree(root);
        return new ReleaseApi(root, pageCacheBytes, first);
    }

    /** The database the API's services read (it follows each new release). */
    public Database database() {
        return database;
    }

    /** Where the current store listens (loopback; it wants this process's password). */
    public synchronized String boltUri() {
        return current.boltUri;
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
        cleaner.schedule(() -> close(previous), GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    private Serving open(Publication release) {
        Path store = ReleaseStore.build(release, root, USER, password, true);
        int port = EmbeddedNeo4j.freePort();
        DatabaseManagementService service = ReleaseStore.serve(store, pageCacheBytes, "127.0.0.1", port);
        Driver driver = Database.driver("bolt://127.0.0.1:" + port, USER, password);
        return new Serving(release, store, service, driver, "bolt://127.0.0.1:" + port);
    }

    private static void close(Serving s) {
        s.driver.close();
        s.service.shutdown();
        fr.passerelle.files.Folders.deleteTree(s.store);
    }

    @Override
    public synchronized void close() {
        cleaner.shutdownNow();
        close(current);
    }
}
