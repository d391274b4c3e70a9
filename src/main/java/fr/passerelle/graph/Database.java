package fr.passerelle.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;

/**
 * The application's only way into Neo4j: a Bolt driver, named Cypher files and parameters. Reads go
 * through {@code executeRead} so a cluster can route them to secondaries.
 */
public final class Database implements AutoCloseable {
    /** How long a query may take to answer before the command or request fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    static final boolean PROFILE = System.getenv("PASSERELLE_PROFILE") != null;
    /** Whether PASSERELLE_PROFILE asks for timings on stderr. */
    public static final boolean PROFILE_ENABLED = PROFILE;

    private volatile Driver driver;
    private final String databaseName;
    private final Duration readTimeout;

    public Database(Driver driver, String databaseName, Duration readTimeout) {
        this.driver = driver;
        this.databaseName = databaseName;
        this.readTimeout = readTimeout;
    }

    /** Connects to {@code uri} (bolt://, neo4j://, neo4j+s://...); user null means no authentication. */
    public static Database connect(
            String uri, String user, String password, String databaseName, Duration readTimeout) {
        return new Database(driver(uri, user, password), databaseName, readTimeout);
    }

    /** The one way Passerelle opens a driver: its pool, timeouts and retries, checked before use. */
    public static Driver driver(String uri, String user, String password) {
        AuthToken auth = user == null || user.isBlank() ? AuthTokens.none() : AuthTokens.basic(user, password);
        // Encryption is chosen by the URI scheme (neo4j+s://, bolt+s://), as the driver expects.
        Config config = Config.builder()
                .withMaxConnectionPoolSize(64)
                .withConnectionAcquisitionTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                // A transaction is retried through a leader election or a restart for this long, then the caller
                // gets a 503 to retry later rather than a request held for the driver's default 30 s.
                .withMaxTransactionRetryTime(10, java.util.concurrent.TimeUnit.SECONDS)
                .withLogging(org.neo4j.driver.Logging.slf4j())
                .build();
        Driver driver = GraphDatabase.driver(uri, auth, config);
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
        return driver;
    }

    /**
     * Points this database at another server (a newer read-only snapshot); the previous driver is
     * returned for the caller to close once transactions on it are over.
     */
    public synchronized Driver switchTo(Driver next) {
        Driver previous = driver;
        driver = next;
        // After the driver: whoever reads the new generation reads through the new driver.
        generation.incrementAndGet();
        return previous;
    }

    /** Whether what this database holds changes only when it is switched to another store (a release store). */
    private volatile boolean fixedPerStore;

    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Declares that this database reads stores whose content never changes (a release store, read-only), so that
     * what is read from it may be kept until {@link #switchTo} another one. Returns this database.
     */
    public Database fixedPerStore() {
        fixedPerStore = true;
        return this;
    }

    /**
     * A number that changes whenever this database reads another store, for keeping what was read from a fixed
     * store ({@link #fixedPerStore}); -1 for a database whose content may change at any time (nothing kept).
     */
    public long contentGeneration() {
        return fixedPerStore ? generation.get() : -1;
    }

    private Session session() {
        return driver.session(config().build());
    }

    /**
     * Every session shares the driver's bookmarks: in a cluster, a read that follows a write (the
     * publication after an erasure, the answer after an import) waits until the member it is routed
     * to has that write, so nobody erased is counted by a lagging follower.
     */
    private SessionConfig.Builder config() {
        SessionConfig.Builder config =
                SessionConfig.builder().withBookmarkManager(driver.executableQueryBookmarkManager());
        return databaseName == null ? config : config.withDatabase(databaseName);
    }

    /** Runs the named read query and maps every record. */
    public <T> List<T> read(String queryName, Map<String, Object> params, Function<Record, T> mapper) {
        return read(queryName, params, mapper, readTimeout);
    }

    /** Runs the named read query and maps every row, whose columns are checked against what the query returns. */
    public <T> List<T> rows(String queryName, Map<String, Object> params, Function<Row, T> mapper) {
        return read(queryName, params, r -> mapper.apply(new Row(queryName, r)), readTimeout);
    }

    /** The same with its own timeout: a publication reads every person record in one transaction. */
    public <T> List<T> read(
            String queryName, Map<String, Object> params, Function<Record, T> mapper, Duration timeout) {
        String text = Cypher.load(queryName);
        long t = System.nanoTime();
        try (Session session = session()) {
            return session.executeRead(
                    tx -> tx.run(text, Values.value(params)).list(mapper::apply),
                    TransactionConfig.builder()
                            .withTimeout(timeout)
                            .withMetadata(Map.of("query", queryName))
                            .build());
        } finally {
            if (PROFILE) {
                System.err.printf("%-40s %8.2f ms%n", queryName, (System.nanoTime() - t) / 1e6);
            }
        }
    }

    /**
     * Runs the named read query and hands each record to {@code each} as it arrives, so that a
     * caller reading millions of records holds one at a time. One read transaction (routed to a
     * reader in a cluster), not retried: a caller that counts what it sees must not see a record twice.
     */
    public void stream(
            String queryName, Map<String, Object> params, java.util.function.Consumer<Record> each, Duration timeout) {
        String text = Cypher.load(queryName);
        long t = System.nanoTime();
        try (Session session = driver.session(config().withDefaultAccessMode(org.neo4j.driver.AccessMode.READ)
                        .build());
                org.neo4j.driver.Transaction tx = session.beginTransaction(TransactionConfig.builder()
                        .withTimeout(timeout)
                        .withMetadata(Map.of("query", queryName))
                        .build())) {
            org.neo4j.driver.Result result = tx.run(text, Values.value(params));
            while (result.hasNext()) {
                each.accept(result.next());
            }
            tx.commit();
        } finally {
            if (PROFILE) {
                System.err.printf("%-40s %8.2f ms%n", queryName, (System.nanoTime() - t) / 1e6);
            }
        }
    }

    /** Runs a unit of work in one write transaction: all or nothing. */
    public <T> T write(Function<Writer, T> work) {
        try (Session session = session()) {
            return session.executeWrite(tx -> work.apply(new Writer(tx)));
        }
    }

    /** Runs one named statement in its own write transaction. */
    public void writeOne(String queryName, Map<String, Object> params) {
        write(w -> {
            w.run(queryName, params);
            return null;
        });
    }

    /** Schema statements (constraints, indexes) cannot share a transaction with data writes. */
    public void runSchema(String queryName) {
        try {
            runAlone(queryName, Map.of());
        } catch (ClientException e) {
            throw new IllegalStateException("schema statement " + queryName + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one named statement outside any explicit transaction, for those that manage their own:
     * {@code CALL { } IN TRANSACTIONS} loads, schema and user administration. Not retried.
     */
    public void runAlone(String queryName, Map<String, Object> params) {
        long t = System.nanoTime();
        try (Session session = session()) {
            session.run(Cypher.load(queryName), Values.value(params)).consume();
        } finally {
            if (PROFILE) {
                System.err.printf("%-40s %6d ms%n", queryName, (System.nanoTime() - t) / 1_000_000);
            }
        }
    }

    /** The same server's database {@code name} (the {@code system} database for accounts), on this connection. */
    public Database on(String name) {
        return new Database(driver, name, readTimeout);
    }

    public Driver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }

    /** Named statements inside one write transaction. */
    public static final class Writer {
        private final TransactionContext tx;

        Writer(TransactionContext tx) {
            this.tx = tx;
        }

        public List<Record> run(String queryName, Map<String, Object> params) {
            long t = System.nanoTime();
            List<Record> r =
                    tx.run(Cypher.load(queryName), Values.value(params)).list();
            if (PROFILE) {
                System.err.printf("%-40s %6d ms%n", queryName, (System.nanoTime() - t) / 1_000_000);
            }
            return r;
        }
    }
}
