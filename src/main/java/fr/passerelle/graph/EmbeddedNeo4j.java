package fr.passerelle.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.dbms.api.DatabaseManagementService;

/**
 * The default database: Neo4j running inside the Passerelle process, persisting in a directory and
 * listening for Bolt on the loopback interface, so the application (and later Neo4j Browser) reach
 * it exactly as they would reach an external server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    /** The one account of the embedded store; its password is the operator's ({@code <home>/keys/neo4j.password}). */
    public static final String USER = "neo4j";

    private DatabaseManagementService service;
    private final Path home;
    private final int boltPort;
    private final long pageCacheBytes;

    private EmbeddedNeo4j(Path home, int boltPort, long pageCacheBytes) {
        this.home = home;
        this.boltPort = boltPort;
        this.pageCacheBytes = pageCacheBytes;
        this.service = build();
    }

    /**
     * Starts (or re-opens) the store in {@code home}.
     *
     * @param boltPort port on 127.0.0.1; 0 picks a free one
     * @param pageCacheBytes Neo4j's page cache; set explicitly because its default is sized for a
     *     dedicated server
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, long pageCacheBytes, String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("the embedded database's password needs at least 8 characters");
        }
        Path dir = home.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + dir, e);
        }
        if (Neo4jConfig.hasNoAccounts(dir)) {
            // A new store (or one copied without its accounts): its neo4j user gets the password before Bolt listens.
            Neo4jConfig.setInitialPassword(dir, password);
        }
        int port = boltPort == 0 ? freePort() : boltPort;
        ensurePortFree(port);
        EmbeddedNeo4j embedded = new EmbeddedNeo4j(dir, port, pageCacheBytes);
        embedded.upgradeDefaultPassword(password);
        return embedded;
    }

    /** A store first opened before Bolt needed a password still has neo4j/neo4j: replace it, once. */
    private void upgradeDefaultPassword(String password) {
        try (Database ready = Database.connect(boltUri(), USER, password, null, Database.TIMEOUT)) {
            return;
        } catch (org.neo4j.driver.exceptions.AuthenticationException notYet) {
            // the default password, below
        }
        try (Database system = Database.connect(boltUri(), USER, "neo4j", "system", Database.TIMEOUT)) {
            system.runAlone("system/change-default-password", java.util.Map.of("password", password));
        } catch (org.neo4j.driver.exceptions.AuthenticationException e) {
            close();
            throw new IllegalStateException(
                    "the embedded database in " + home + " refuses the password in the key folder; "
                            + "give it with --neo4j-password or restore <home>/keys/neo4j.password",
                    e);
        }
    }

    private DatabaseManagementService build() {
        // Loopback only, and a password all the same: any local user could otherwise read every person record.
        return Neo4jConfig.bolt(
                        Neo4jConfig.builder(home, pageCacheBytes, Duration.ofMinutes(10)), "127.0.0.1", boltPort)
                .build();
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    public int boltPort() {
        return boltPort;
    }

    public Path home() {
        return home;
    }

    @Override
    public synchronized void close() {
        service.shutdown();
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Bolt port " + port + " on 127.0.0.1 is in use; choose another with --bolt-port"
                            + " or stop the process using it",
                    e);
        }
    }
}
