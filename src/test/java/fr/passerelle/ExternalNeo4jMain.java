package fr.passerelle;

import fr.passerelle.graph.Neo4jConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.dbms.api.DatabaseManagementService;

/**
 * A Neo4j server in its own process, for the tests that need one Passerelle does not run: started
 * from the Maven artifacts already on the test classpath (no download), persistent in {@code home},
 * Bolt on {@code 127.0.0.1:port}, password set. Stops when its process is killed.
 * Arguments: home port password.
 */
public final class ExternalNeo4jMain {
    private ExternalNeo4jMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        int port = Integer.parseInt(args[1]);
        if (!Files.exists(home.resolve("data/databases/system"))) {
            Files.createDirectories(home);
            Neo4jConfig.setInitialPassword(home, args[2]);
        }
        DatabaseManagementService service = Neo4jConfig.bolt(
                        Neo4jConfig.builder(home, 64L << 20, Duration.ofMinutes(5)), "127.0.0.1", port)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
