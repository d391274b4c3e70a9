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
 * A real Neo4j (the harness) per test thread, started on first use and stopped when the JVM exits.
 * Test classes run two at a time (src/test/resources/junit-platform.properties) and each thread runs
 * one class at a time, so a class owns its thread's database while it runs: {@link #reset()} empties
 * it without touching the other class's. Tests connect over Bolt like the application does.
 */
public final class TestNeo4j {
    private record Instance(Neo4j neo4j, Database db) {}

    private static final ThreadLocal<Instance> CURRENT = ThreadLocal.withInitial(TestNeo4j::start);

    private TestNeo4j() {}

    private static Instance start() {
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                .withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                // As the application runs its stores (graph/Neo4jConfig).
                .withConfig(GraphDatabaseInternalSettings.cypher_parser_antlr_enabled, false)
                .build();
        Database db = Database.connect(neo4j.boltURI().toString(), null, null, null, Duration.ofSeconds(30));
        Schema.apply(db);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            db.close();
            neo4j.close();
        }));
        return new Instance(neo4j, db);
    }

    /** This thread's database. */
    public static Database db() {
        return CURRENT.get().db();
    }

    /** The Bolt address of this thread's database, for code that connects by itself (as with --neo4j-uri). */
    public static String boltUri() {
        return CURRENT.get().neo4j().boltURI().toString();
    }

    /** A new driver to the same database (for tests that close theirs). */
    public static Database connect() {
        return Database.connect(boltUri(), null, null, null, Duration.ofSeconds(30));
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
