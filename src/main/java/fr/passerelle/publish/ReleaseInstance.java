package fr.passerelle.publish;

import fr.passerelle.graph.Database;
import fr.passerelle.graph.EmbeddedNeo4j;
import fr.passerelle.graph.Neo4jConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A running Neo4j that holds one release at a time for the API: loaded by the release's own script
 * ({@link ReleaseStore#load}), read-only while it is served, then cleared and loaded with another. It keeps running
 * between releases because a new instance plans each load and each of the API's queries again: about 3 s of CPU per
 * small release, most of a test run's time (session 16). Only {@link ReleaseInstances} makes and keeps them.
 */
final class ReleaseInstance {
    private static final String DATABASE = "neo4j";
    private final Path home;
    private final long pageCacheBytes;
    private final DatabaseManagementService service;
    private final Config config;
    private final Database admin;
    private final String boltUri;
    /** The reader's account while a release is loaded, null while the instance is empty. */
    private String reader;

    private ReleaseInstance(
            Path home, long pageCacheBytes, DatabaseManagementService service, Database admin, String boltUri) {
        this.home = home;
        this.pageCacheBytes = pageCacheBytes;
        this.service = service;
        this.config = ((GraphDatabaseAPI) service.database("system"))
                .getDependencyResolver()
                .resolveDependency(Config.class);
        this.admin = admin;
        this.boltUri = boltUri;
    }

    /** A new, empty instance in {@code home} (created here), Bolt on a free loopback port. */
    static ReleaseInstance start(Path home, long pageCacheBytes) {
        // The administrator's password is random and forgotten with the process: nobody logs in as neo4j.
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try {
            Files.createDirectories(home.resolve("import"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home, e);
        }
        Neo4jConfig.setInitialPassword(home, password);
        int port = EmbeddedNeo4j.freePort();
        // LOAD CSV reads only this instance's own import folder, which holds a release's files while it loads
        // and nothing while the release is served.
        DatabaseManagementService service = Neo4jConfig.bolt(
                        ReleaseStore.configure(home, pageCacheBytes), "127.0.0.1", port)
                .setConfig(GraphDatabaseSettings.allow_file_urls, true)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("import"))
                .build();
        String uri = "bolt://127.0.0.1:" + port;
        try {
            Database admin = Database.connect(uri, "neo4j", password, DATABASE, Duration.ofMinutes(1));
            // The whole schema first, on the empty store: a schema change empties Neo4j's plan cache, so indexes
            // created at the end of the first load (the script's order, right for a store loaded once) would make
            // the next load plan everything again. The script's own schema statements then change nothing.
            for (String name : schema()) {
                admin.runSchema(name);
            }
            return new ReleaseInstance(home, pageCacheBytes, service, admin, uri);
        } catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
    }

    private static java.util.List<String> schema() {
        return java.util.stream.Stream.concat(Publisher.LOAD_ORDER.stream(), InstitutionTables.LOAD_ORDER.stream())
                .filter(name -> name.startsWith("published/schema-"))
                .toList();
    }

    long pageCacheBytes() {
        return pageCacheBytes;
    }

    String boltUri() {
        return boltUri;
    }

    /**
     * Loads {@code release} (and its private part with {@code withPrivate}) into this empty instance, opens it to
     * {@code user} and makes it read-only. On failure the instance is in an unknown state: stop it.
     */
    void load(Publication release, String user, String password, boolean withPrivate) {
        if (reader != null || nodes() != 0) {
            throw new IllegalStateException(
                    "release instance " + home + " is not empty: it cannot take release " + release.version());
        }
        writable(true);
        Path imports = home.resolve("import");
        long t0 = System.nanoTime();
        try {
            List<String> statements = ReleaseStore.statements(release.dir(), withPrivate);
            for (String name : statements) {
                String file = ReleaseStore.csvOf(name);
                if (file != null) {
                    Path target = imports.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.copy(release.dir().resolve(file), target);
                }
            }
            ReleaseStore.load(admin, statements);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy release " + release.version() + " into " + imports, e);
        } finally {
            fr.passerelle.files.Folders.deleteTree(imports);
            try {
                Files.createDirectories(imports);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + imports, e);
            }
        }
        admin.on("system").runAlone("published/create-analyst-user", Map.of("user", user, "password", password));
        reader = user;
        writable(false);
        if (Database.PROFILE_ENABLED) {
            System.err.printf("release instance: load %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Empties the instance: no node, no reader's account. The schema stays (every release has the same). */
    void clear() {
        writable(true);
        if (reader != null) {
            admin.on("system").runAlone("published/drop-reader-user", Map.of("user", reader));
            reader = null;
        }
        admin.runAlone("published/clear-release", Map.of());
        if (nodes() != 0) {
            throw new IllegalStateException("release instance " + home + " still holds nodes after clearing");
        }
    }

    private long nodes() {
        return admin.read("published/count-nodes", Map.of(), r -> r.get("nodes").asLong())
                .get(0);
    }

    /** Read-only while a release is served: Neo4j refuses any write, whoever asks (Community has no roles). */
    private void writable(boolean writable) {
        config.setDynamic(
                GraphDatabaseSettings.read_only_databases, writable ? Set.of() : Set.of(DATABASE), "passerelle");
    }

    /** Shuts the instance down and deletes its files. */
    void stop() {
        try {
            admin.close();
        } finally {
            service.shutdown();
            fr.passerelle.files.Folders.deleteTree(home);
        }
    }
}
