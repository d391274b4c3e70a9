package fr.passerelle.publish;

import fr.passerelle.graph.Database;
import fr.passerelle.graph.EmbeddedNeo4j;
import fr.passerelle.graph.Neo4jConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    /** Kept on disk when stopped ({@link #startKept}): the next start of the server serves it without a load. */
    private final boolean kept;
    /** A kept store served as a previous start left it, nothing loaded. */
    private boolean reopened;

    private ReleaseInstance(
            Path home,
            long pageCacheBytes,
            DatabaseManagementService service,
            Database admin,
            String boltUri,
            boolean kept) {
        this.home = home;
        this.kept = kept;
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
        String password = ReleaseStore.randomPassword();
        try {
            Files.createDirectories(home.resolve("import"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home, e);
        }
        Neo4jConfig.setInitialPassword(home, password);
        ReleaseInstance instance = run(home, pageCacheBytes, password, false);
        try {
            // The whole schema first, on the empty store: a schema change empties Neo4j's plan cache, so indexes
            // created at the end of the first load (the script's order, right for a store loaded once) would make
            // the next load plan everything again. The script's own schema statements then change nothing.
            for (String name : schema()) {
                instance.admin.runSchema(name);
            }
            return instance;
        } catch (RuntimeException e) {
            instance.shutdown();
            throw e;
        }
    }

    /**
     * The instance kept in {@code home} for {@code release}, open to {@code user}: the one a previous server left there
     * when it holds this very release (a restart then loads nothing: 7-8 s of a first start's 35 s on the demo), else
     * a new one loaded here. Stopped with {@link #shutdown}, it stays for the next start; {@link #stop} removes it.
     */
    static ReleaseInstance startKept(
            Path home, long pageCacheBytes, Publication release, String user, String password) {
        String holds = ReleaseStore.identity(release);
        try {
            Path marker = home.resolve(KEPT_MARKER);
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(holds)) {
                ReleaseInstance reopened = reopen(home, pageCacheBytes, user, password);
                if (reopened != null) {
                    return reopened;
                }
            }
            // Owner-only, as the home's keys: the store holds institutions' private part and its password is here.
            fr.passerelle.files.Folders.emptyOwnerOnly(home);
            Files.createDirectories(home.resolve("import"));
            String admin = ReleaseStore.randomPassword();
            Neo4jConfig.setInitialPassword(home, admin);
            Files.writeString(home.resolve(KEPT_PASSWORD), admin);
            ReleaseInstance built = run(home, pageCacheBytes, admin, true);
            try {
                for (String name : schema()) {
                    built.admin.runSchema(name);
                }
                built.load(release, user, password, true);
                Files.writeString(home.resolve(KEPT_READER), ReleaseStore.accountMark(user, password));
                // Last: a store without this mark (a load cut short) is never served again.
                Files.writeString(marker, holds);
                return built;
            } catch (RuntimeException e) {
                built.stop();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the API's store in " + home, e);
        }
    }

    /**
     * The kept store in {@code home} (which holds the right release) started and open to {@code user}; null when it
     * cannot be (no password left, or it fails to start: logged), and it is loaded again.
     */
    private static ReleaseInstance reopen(Path home, long pageCacheBytes, String user, String password) {
        Path adminPassword = home.resolve(KEPT_PASSWORD);
        ReleaseInstance reopened = null;
        try {
            fr.passerelle.files.Folders.ownerOnly(home);
            String admin;
            boolean newAccounts = Neo4jConfig.hasNoAccounts(home);
            if (newAccounts) {
                // Copied without its accounts (the build's demo home): this home's own.
                admin = ReleaseStore.randomPassword();
                Neo4jConfig.setInitialPassword(home, admin);
                Files.writeString(adminPassword, admin);
            } else if (Files.isRegularFile(adminPassword)) {
                admin = Files.readString(adminPassword);
            } else {
                return null;
            }
            reopened = run(home, pageCacheBytes, admin, true);
            reopened.reopened = true;
            Path readerMark = home.resolve(KEPT_READER);
            if (Files.isRegularFile(readerMark)
                    && ReleaseStore.sameAccount(Files.readString(readerMark).strip(), user, password)) {
                reopened.reader = user;
                reopened.writable(false);
            } else {
                reopened.openTo(user, password, !newAccounts);
                Files.writeString(readerMark, ReleaseStore.accountMark(user, password));
            }
            return reopened;
        } catch (RuntimeException | IOException e) {
            if (reopened != null) {
                reopened.shutdown();
            }
            org.slf4j.LoggerFactory.getLogger(ReleaseInstance.class)
                    .warn(
                            "The API's store kept in {} could not be reopened ({}); it is loaded again.",
                            home,
                            e.getMessage());
            return null;
        }
    }

    /** Removes a kept store's accounts and passwords ({@link ReleaseApi#forgetSecrets}); its release stays. */
    static void forgetSecrets(Path home) {
        Neo4jConfig.forgetAccounts(home);
        fr.passerelle.files.Folders.deleteTree(home.resolve("logs"));
        fr.passerelle.files.Folders.deleteTree(home.resolve(KEPT_PASSWORD));
        fr.passerelle.files.Folders.deleteTree(home.resolve(KEPT_READER));
    }

    private static final String KEPT_MARKER = "serves.txt";
    private static final String KEPT_PASSWORD = "admin.password";
    /** The reader's account the store was last opened to ({@link ReleaseStore#accountMark}): the same, none made. */
    private static final String KEPT_READER = "reader.account";

    /** A kept store's new process: a reader's account with this process's password, then read-only. */
    private void openTo(String user, String password, boolean replace) {
        writable(true);
        Database system = admin.on("system");
        if (replace) {
            system.runAlone("published/drop-reader-user", Map.of("user", user));
        }
        system.runAlone("published/create-analyst-user", Map.of("user", user, "password", password));
        reader = user;
        writable(false);
    }

    /** Starts Neo4j on {@code home} (its password set), Bolt on a free loopback port. */
    private static ReleaseInstance run(Path home, long pageCacheBytes, String password, boolean kept) {
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
            return new ReleaseInstance(home, pageCacheBytes, service, admin, uri, kept);
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
            shutdown();
        } finally {
            fr.passerelle.files.Folders.deleteTree(home);
        }
    }

    /** Shuts the instance down; its files stay (a kept instance is served again by the next start). */
    void shutdown() {
        try {
            admin.close();
        } finally {
            service.shutdown();
        }
    }

    boolean kept() {
        return kept;
    }

    boolean reopened() {
        return reopened;
    }
}
