package fr.passerelle.graph;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * The one place in-process Neo4j instances are configured (the person store, the API's and the
 * analysts' release stores): every instance gets Bolt with a password, an explicit page cache, no
 * usage reports and a quick shutdown; callers add what is theirs (ports, read-only, Browser).
 */
public final class Neo4jConfig {
    private Neo4jConfig() {}

    /**
     * An instance in {@code home}: Bolt on (unencrypted: loopback or behind the deployment's TLS),
     * authentication on, HTTP off, the page cache set (Neo4j's default is sized for a dedicated
     * server), transactions cut after {@code transactionTimeout}.
     */
    public static DatabaseManagementServiceBuilder builder(
            Path home, long pageCacheBytes, Duration transactionTimeout) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.transaction_timeout, transactionTimeout)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Without these Bolt's Netty waits ~10 s on close (measured in STACK-NOTES); 0.3-0.6 s with them.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                // Every new store (each release's) parses each query once: the older parser does it with about
                // 15% less CPU than ANTLR's (measured on a release store's loads and first queries); same plans.
                .setConfig(GraphDatabaseInternalSettings.cypher_parser_antlr_enabled, false);
    }

    /** Bolt on {@code host:port}, advertised as such (else discovery reports 7687 whatever the port). */
    public static DatabaseManagementServiceBuilder bolt(
            DatabaseManagementServiceBuilder builder, String host, int port) {
        return builder.setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port));
    }

    /** Gives a store that was never started its neo4j password, before Bolt ever listens. */
    public static void setInitialPassword(Path home, String password) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        int code = AdminTool.execute(
                new ExecutionContext(home, home.resolve("conf"), out, out, new DefaultFileSystemAbstraction()),
                new String[] {"dbms", "set-initial-password", password});
        if (code != 0) {
            throw new IllegalStateException("cannot set the password of the Neo4j store in " + home + ": "
                    + log.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Removes from the stopped store in {@code home} its accounts: the system database (where Neo4j keeps them) and the
     * initial password's file. What the store holds stays; its next start makes a new system database, whose password
     * is set first ({@link #setInitialPassword}). For the build's demo home, copied to other homes. (Keeping the system
     * database and setting the password in-process at start was measured slower: 4.3 s against 2.3 s in a cold JVM.)
     */
    public static void forgetAccounts(Path home) {
        Path data = home.resolve("data");
        try {
            org.neo4j.io.fs.FileUtils.deleteDirectory(data.resolve("databases").resolve("system"));
            org.neo4j.io.fs.FileUtils.deleteDirectory(
                    data.resolve("transactions").resolve("system"));
            org.neo4j.io.fs.FileUtils.deleteDirectory(data.resolve("dbms"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot remove the accounts of the store in " + home, e);
        }
    }

    /** Whether the store in {@code home} has no accounts yet (new, or {@link #forgetAccounts}). */
    public static boolean hasNoAccounts(Path home) {
        return !java.nio.file.Files.exists(
                home.resolve("data").resolve("databases").resolve("system"));
    }
}
