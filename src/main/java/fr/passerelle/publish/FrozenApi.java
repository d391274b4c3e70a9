package fr.passerelle.publish;

import fr.passerelle.graph.Database;
import fr.passerelle.graph.EmbeddedNeo4j;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * What the public API reads: a read-only copy of the live store taken at the last publication. Until
 * the next one, answers do not move, whatever is imported or erased in between, so a single person's
 * arrival or departure cannot be watched live; a publication swaps in a new copy at once (the old one
 * is closed after in-flight questions are answered). Embedded mode only: with an external Neo4j the
 * API reads the live database.
 */
public final class FrozenApi implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(60);
    private final EmbeddedNeo4j live;
    private final Path root;
    private final long pageCacheBytes;
    private final Database database;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "snapshot-cleaner");
        t.setDaemon(true);
        return t;
    });
    private EmbeddedNeo4j current;
    private Path currentDir;

    private FrozenApi(EmbeddedNeo4j live, Path root, long pageCacheBytes) {
        this.live = live;
        this.root = root;
        this.pageCacheBytes = pageCacheBytes;
        Snapshot first = copy();
        this.current = first.instance;
        this.currentDir = first.dir;
        this.database = new Database(first.driver, "neo4j", Duration.ofSeconds(30));
    }

    private record Snapshot(EmbeddedNeo4j instance, Path dir, Driver driver) {
    }

    /** Takes a first snapshot of {@code live} under {@code root}. */
    public static FrozenApi start(EmbeddedNeo4j live, Path root, long pageCacheBytes) {
        try {
            Publisher.deleteTree(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot clear " + root, e);
        }
        return new FrozenApi(live, root, pageCacheBytes);
    }

    /** The database the API's services read (it follows each new snapshot). */
    public Database database() {
        return database;
    }

    /** Takes a new snapshot of the live store and points the API at it. */
    public synchronized void refresh() {
        Snapshot next = copy();
        Driver previousDriver = database.switchTo(next.driver);
        EmbeddedNeo4j previous = current;
        Path previousDir = currentDir;
        current = next.instance;
        currentDir = next.dir;
        cleaner.schedule(() -> {
            previousDriver.close();
            previous.close();
            try {
                Publisher.deleteTree(previousDir);
            } catch (java.io.IOException ignored) {
                // a leftover snapshot folder is removed at the next start
            }
        }, GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    private Snapshot copy() {
        Path dir = root.resolve("snapshot-" + System.currentTimeMillis());
        live.copyStoreTo(dir);
        EmbeddedNeo4j instance = EmbeddedNeo4j.startReadOnly(dir, pageCacheBytes);
        Driver driver = GraphDatabase.driver(instance.boltUri(), AuthTokens.none());
        driver.verifyConnectivity();
        return new Snapshot(instance, dir, driver);
    }

    @Override
    public synchronized void close() {
        cleaner.shutdownNow();
        database.close();
        current.close();
    }
}
