package fr.passerelle.publish;

import fr.passerelle.graph.Cypher;
import fr.passerelle.graph.EmbeddedNeo4j;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * A Neo4j store that holds one release and nothing else, built by the same load script an
 * open-data user runs ({@link Publisher#LOAD_ORDER}) and then served read-only, with
 * authentication on. The API reads one, analysts another: neither ever holds a person.
 */
public final class ReleaseStore {
    private ReleaseStore() {
    }

    /** Builds a new store under {@code parent} from {@code release}, with one account {@code user}. */
    public static Path build(Publication release, Path parent, String user, String password) {
        Path home = parent.toAbsolutePath().normalize().resolve("store-" + release.version() + "-" + System.nanoTime());
        String admin = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try {
            Files.createDirectories(home);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
            // The administrator's password is random and forgotten: nobody logs in as neo4j.
            int code = AdminTool.execute(new ExecutionContext(home, home.resolve("conf"), out, out, new DefaultFileSystemAbstraction()),
                    new String[] {"dbms", "set-initial-password", admin});
            if (code != 0) {
                throw new IllegalStateException("cannot set the release store's password: " + log.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home, e);
        }
        long t0 = System.nanoTime();
        int port = EmbeddedNeo4j.freePort();
        DatabaseManagementService writable = configure(home, 64L << 20)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.allow_file_urls, true)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, release.dir().toAbsolutePath().normalize())
                .build();
        long t1 = System.nanoTime();
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.basic("neo4j", admin))) {
            try (Session session = driver.session(SessionConfig.forDatabase("neo4j"))) {
                for (String name : Publisher.LOAD_ORDER) {
                    // Auto-commit, as cypher-shell runs the exported script.
                    long t = System.nanoTime();
                    session.run(Cypher.load(name), Map.of("base", "file:///")).consume();
                    if (fr.passerelle.graph.Database.PROFILE_ENABLED) {
                        System.err.printf("  %-40s %6d ms%n", name, (System.nanoTime() - t) / 1_000_000);
                    }
                }
                session.run(Cypher.load("schema/await-indexes")).consume();
            }
            try (Session system = driver.session(SessionConfig.forDatabase("system"))) {
                system.run(Cypher.load("published/create-analyst-user"), Map.of("user", user, "password", password)).consume();
            }
        } finally {
            long t2 = System.nanoTime();
            writable.shutdown();
            if (fr.passerelle.graph.Database.PROFILE_ENABLED) {
                System.err.printf("release store: start %.1f s, load %.1f s, stop %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                        (System.nanoTime() - t2) / 1e9);
            }
        }
        return home;
    }

    /**
     * The settings every release store runs with: Bolt on, authentication on, no file URLs for LOAD
     * CSV once served, no usage reports, a quick shutdown.
     */
    public static DatabaseManagementServiceBuilder configure(Path home, long pageCacheBytes) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                // LOAD CSV may not fetch any address: no server-side requests from a reader's Cypher.
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        java.util.List.of(new inet.ipaddr.IPAddressString("0.0.0.0/0"), new inet.ipaddr.IPAddressString("::/0")))
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseSettings.udc_enabled, false);
    }

    /**
     * What every served release store runs with, on top of {@link #configure}: read-only. (Community
     * has no way to withhold built-in procedures such as {@code dbms.listConfig} from a user; the
     * allowlist setting only covers plugins, and none is loaded.)
     */
    public static DatabaseManagementServiceBuilder forReaders(Path store, long pageCacheBytes) {
        return configure(store, pageCacheBytes).setConfig(GraphDatabaseSettings.read_only_database_default, true);
    }

    /** A read-only instance of a built store, Bolt only, on {@code host:boltPort}. */
    public static DatabaseManagementService serve(Path store, long pageCacheBytes, String host, int boltPort) {
        return forReaders(store, pageCacheBytes)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, boltPort))
                .setConfig(HttpConnector.enabled, false)
                .build();
    }

    public static void delete(Path store) {
        try {
            Publisher.deleteTree(store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the release store " + store, e);
        }
    }
}
