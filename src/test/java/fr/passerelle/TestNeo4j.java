package fr.passerelle;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.graph.Database;
import fr.passerelle.graph.Schema;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One real Neo4j (the harness) for the whole test run, started on first use and stopped when the JVM
 * exits. Tests connect to it over Bolt like the application does, and call {@link #reset()} to start
 * from an empty graph holding only the catalogue.
 */
public final class TestNeo4j {
    private static Neo4j neo4j;
    private static Database db;

    private TestNeo4j() {}

    public static synchronized Database db() {
        if (db == null) {
            neo4j = Neo4jBuilders.newInProcessBuilder()
                    .withDisabledServer()
                    .withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                    .build();
            db = connect();
            Schema.apply(db);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                db.close();
                neo4j.close();
            }));
        }
        return db;
    }

    /** The Bolt address of the test database, for code that connects by itself (as with --neo4j-uri). */
    public static String boltUri() {
        db();
        return neo4j.boltURI().toString();
    }

    /** A new driver to the same database (for tests that close theirs). */
    public static Database connect() {
        return Database.connect(neo4j.boltURI().toString(), null, null, null, Duration.ofSeconds(30));
    }

    /** Empties the graph and loads the bundled catalogue. */
    public static Database reset() {
        Database database = db();
        database.writeOne("test/delete-all", Map.of());
        database.writeOne(
                "import/catalogue-upsert", Map.of("steps", Catalogue.bundled().asRows()));
        return database;
    }
}
