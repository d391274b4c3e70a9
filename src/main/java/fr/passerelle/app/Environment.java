package fr.passerelle.app;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.files.Folders;
import fr.passerelle.graph.Database;
import fr.passerelle.graph.EmbeddedNeo4j;
import fr.passerelle.graph.Neo4jConfig;
import fr.passerelle.graph.Schema;
import fr.passerelle.ingest.BulkLoader;
import fr.passerelle.ingest.ImportReport;
import fr.passerelle.ingest.Importer;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.privacy.HmacKey;
import fr.passerelle.privacy.RecordKeys;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.recommend.Services;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The database, schema, catalogue and keys a command works with; closing it stops the embedded database. */
public final class Environment implements AutoCloseable {
    private EmbeddedNeo4j embedded;
    private Database db;
    private final Catalogue catalogue;
    private final HmacKey key;
    private final RecordKeys recordKeys;
    private final Thresholds thresholds;
    private final Settings options;
    private final Clock clock;

    private Environment(
            EmbeddedNeo4j embedded,
            Database db,
            Catalogue catalogue,
            HmacKey key,
            RecordKeys recordKeys,
            Thresholds thresholds,
            Settings options,
            Clock clock) {
        this.clock = clock;
        this.embedded = embedded;
        this.recordKeys = recordKeys;
        this.db = db;
        this.catalogue = catalogue;
        this.key = key;
        this.thresholds = thresholds;
        this.options = options;
    }

    public static Environment open(Settings o) {
        return open(o, Clock.systemUTC());
    }

    /** With another clock (tests that age the release past the longest delay). */
    public static Environment open(Settings o, Clock clock) {
        Thresholds thresholds = new Thresholds(o.privacy().k(), o.privacy().minDenominator());
        HmacKey key = HmacKey.load(o.keyFileOrDefault(), Settings.hmacSecret(), o.embedded() ? o.databaseDir() : null);
        RecordKeys recordKeys = RecordKeys.load(o.recordKeyFile(), Settings.recordSecret());
        Catalogue catalogue = o.catalogue() == null ? Catalogue.bundled() : Catalogue.load(o.catalogue());
        EmbeddedNeo4j embedded = null;
        Database db;
        if (o.embedded()) {
            java.util.Optional<RunningServer> server = RunningServer.on(o.home());
            if (server.isPresent()) {
                throw new RunningServer.Busy(server.get(), o.home());
            }
            finishRebuildSwap(o);
            embedded = startEmbedded(o);
            db = connectEmbedded(embedded, o);
        } else {
            db = Database.connect(
                    o.neo4j().uri(),
                    o.neo4j().user(),
                    o.neo4j().password(),
                    o.neo4j().database(),
                    Settings.NEO4J_TIMEOUT);
        }
        try {
            prepare(db, catalogue, o.embedded() ? o.databaseDir() : null);
        } catch (RuntimeException e) {
            db.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        return new Environment(embedded, db, catalogue, key, recordKeys, thresholds, o, clock);
    }

    private static EmbeddedNeo4j startEmbedded(Settings o) {
        return EmbeddedNeo4j.start(
                o.databaseDir(), o.neo4j().boltPort(), o.neo4j().pageCacheMb() * 1024 * 1024, embeddedPassword(o));
    }

    /** The embedded database's password: --neo4j-password, else generated once into <home>/keys/neo4j.password (owner-only). */
    static String embeddedPassword(Settings o) {
        return o.neo4j().password() != null && !o.neo4j().password().isBlank()
                ? o.neo4j().password()
                : PasswordFile.loadOrCreate(o.neo4jPasswordFile());
    }

    private Database connectEmbedded(EmbeddedNeo4j embedded) {
        return connectEmbedded(embedded, options);
    }

    private static Database connectEmbedded(EmbeddedNeo4j embedded, Settings o) {
        return Database.connect(
                embedded.boltUri(), EmbeddedNeo4j.USER, embeddedPassword(o), "neo4j", Settings.NEO4J_TIMEOUT);
    }

    /**
     * Schema and catalogue, on every opening of a database (both idempotent), except an embedded store already prepared
     * with this very schema and catalogue: a mark in its folder says so (a rebuilt or restored store is a new folder,
     * without it). It saves 1-2 s of a start in a cold JVM, ten planned statements and a write.
     */
    private static void prepare(Database db, Catalogue catalogue, Path storeDir) {
        List<Map<String, Object>> rows = catalogue.asRows();
        Path mark = storeDir == null ? null : storeDir.resolve(PREPARED_MARK);
        String prepared = Schema.fingerprint(rows);
        try {
            if (mark != null
                    && Files.isRegularFile(mark)
                    && Files.readString(mark).equals(prepared)) {
                return;
            }
            Schema.apply(db);
            db.writeOne("import/catalogue-upsert", Map.of("steps", rows));
            if (mark != null) {
                Files.writeString(mark, prepared);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read or write " + mark, e);
        }
    }

    private static final String PREPARED_MARK = "prepared.sha256";

    public Database db() {
        return db;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public HmacKey key() {
        return key;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Settings settings() {
        return options;
    }

    public Clock clock() {
        return clock;
    }

    public Importer importer(int batchSize) {
        return new Importer(db, normaliser(), key, recordKeys, batchSize, clock, erasure());
    }

    /** An importer that accepts the codes of {@code wider} (the catalogue plus official references), stored as steps first. */
    public Importer importer(int batchSize, Catalogue wider) {
        db.writeOne("import/catalogue-upsert", Map.of("steps", wider.asRows()));
        return new Importer(
                db,
                new Normaliser(wider, Regions.bundled(), key, options.privacy().regionLevel()),
                key,
                recordKeys,
                batchSize,
                clock,
                erasure());
    }

    public Normaliser normaliser() {
        return new Normaliser(
                catalogue, Regions.bundled(), key, options.privacy().regionLevel());
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public EmbeddedNeo4j embedded() {
        return embedded;
    }

    /** The do-not-collect journal beside the database ({@code <home>/do-not-collect.jsonl}), read back by {@code restore}. */
    public fr.passerelle.lifecycle.DoNotCollectJournal journal() {
        return new fr.passerelle.lifecycle.DoNotCollectJournal(options.journalFile());
    }

    public Erasure erasure() {
        return new Erasure(db, key, clock, journal());
    }

    /** The do-not-collect list as stored, to carry it through a rebuild. */
    public List<BulkLoader.Tombstone> doNotCollect() {
        return db.read("person/all-do-not-collect", Map.of(), BulkLoader.Tombstone::from);
    }

    /**
     * Replaces the whole embedded database with what {@code prepare} reads, through Neo4j's bulk
     * importer: the database is stopped, rebuilt and reopened.
     */
    /**
     * Replaces the whole embedded store with {@code people} synthetic people ({@link #rebuild}): real establishments
     * where the official files are at hand, none otherwise; the bulk importer's progress kept off the console.
     */
    public ImportReport rebuildWithDemo(int people, long seed) {
        fr.passerelle.demo.DemoGenerator generator =
                new fr.passerelle.demo.DemoGenerator(catalogue, fr.passerelle.market.Establishments.standard());
        return rebuild(
                (loader, work) -> loader.prepare(generator.generate(people, seed), doNotCollect(), work),
                new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    public ImportReport rebuild(BiFunction<BulkLoader, Path, BulkLoader.Prepared> prepare, PrintStream log) {
        if (embedded == null) {
            throw new IllegalStateException(
                    "a rebuild uses Neo4j's bulk importer on the embedded database; with --neo4j-uri, "
                            + "import without --rebuild (transactional, batch by batch)");
        }
        Path work = options.home().resolve("bulk-import");
        long t0 = System.nanoTime();
        BulkLoader.Prepared prepared =
                prepare.apply(new BulkLoader(normaliser(), catalogue, key.keyId(), recordKeys, clock), work);
        ImportReport report = prepared.report();
        long t1 = System.nanoTime();
        try {
            if (prepared.strictRejected()) {
                return report;
            }
            // The bulk importer writes a new store beside the live one, which keeps running meanwhile; the two
            // are swapped by renames. A kill at any moment leaves a store that starts: the old one, or the new.
            Path staging = options.rebuildDir();
            Folders.deleteTree(staging);
            BulkLoader.runImport(staging, work, log);
            Neo4jConfig.setInitialPassword(staging, embeddedPassword(options));
            long t2 = System.nanoTime();
            db.close();
            embedded.close();
            Path live = options.databaseDir();
            Path old = options.replacedDatabaseDir();
            move(live, old);
            move(staging, live);
            Folders.deleteTree(old);
            long t3 = System.nanoTime();
            embedded = startEmbedded(options);
            db = connectEmbedded(embedded);
            prepare(db, catalogue, options.databaseDir());
            // A new store is new data for every reader: a version above every release of this home, and everyone
            // counted as changed, so that the next publication (at once: far more than --min-changes) shows it.
            db.writeOne(
                    "person/rebuilt-meta",
                    Map.of(
                            "version",
                            fr.passerelle.publish.Publication.highestVersion(options.publishedDir()) + 1,
                            "changes",
                            Math.max(report.added(), 1)));
            report.phases(String.format(
                    "read, normalise, aggregate and write CSV %.1f s; bulk import %.1f s; stop and swap %.1f s; restart and indexes %.1f s",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t3) / 1e9));
            report.finishedAt(clock.instant(), prepared.started());
            return report;
        } finally {
            fr.passerelle.files.Folders.deleteTree(work);
        }
    }

    /**
     * Finishes or forgets a rebuild a killed process left: the live store moved aside but the new one
     * not yet in place means the old one goes back (the rebuild, run again, redoes the rest); both in
     * place means the old one goes; a half-written new store is removed.
     */
    private static void finishRebuildSwap(Settings o) {
        Path live = o.databaseDir();
        Path old = o.replacedDatabaseDir();
        if (Files.exists(old)) {
            if (Files.exists(live)) {
                Folders.deleteTree(old);
            } else {
                move(old, live);
            }
        }
        Folders.deleteTree(o.rebuildDir());
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    /**
     * The releases of this home, in {@code <home>/published/<version>}: published when the policy
     * says so, with values kept stable from one release to the next (state in {@code <home>/release-state}).
     */
    public fr.passerelle.publish.Releases releases() {
        Settings.Publishing p = options.publishing();
        fr.passerelle.publish.Publisher publisher = new fr.passerelle.publish.Publisher(
                        db,
                        thresholds,
                        fr.passerelle.privacy.PerturbationTable.defaults(thresholds.k()),
                        recordKeys,
                        clock)
                .withStableValues(options.releaseStateDir(), p.stableWithin());
        return new fr.passerelle.publish.Releases(
                db,
                publisher,
                options.publishedDir(),
                new fr.passerelle.publish.PublicationPolicy(p.minChanges(), p.maxDelay(), p.checkEvery()),
                clock);
    }

    /** The newest release, published first when the policy says one is due (or none exists yet). */
    public fr.passerelle.publish.Publication publish() {
        return releases().publish(null).release();
    }

    /** Serves the newest release (published first when due) read-only for the services (close it after use). */
    public fr.passerelle.publish.ReleaseApi releaseApi() {
        return fr.passerelle.publish.ReleaseApi.start(Settings.RELEASE_PAGE_CACHE_BYTES, publish());
    }

    /** The services over {@code database}: a release store, never the live graph. */
    public Services services(Database database) {
        return Services.over(database, thresholds, clock, options.register(key.keyId()), this::searchTitles);
    }

    private fr.passerelle.recommend.SearchTitles searchTitles;

    /** The names search knows this home's steps by: its catalogue's, and the ROME job titles when at hand. */
    public synchronized fr.passerelle.recommend.SearchTitles searchTitles() {
        if (searchTitles == null) {
            searchTitles = fr.passerelle.recommend.SearchTitles.of(
                    catalogue(), fr.passerelle.recommend.SearchTitles.romeDir());
        }
        return searchTitles;
    }

    public long people() {
        return db.read("person/people-count", Map.of(), r -> r.get("people").asLong())
                .get(0);
    }

    /** The embedded person store's Bolt address (null for an external Neo4j). */
    public String storeBolt() {
        return embedded == null ? null : embedded.boltUri();
    }

    public String describe() {
        return embedded != null
                ? "embedded Neo4j in " + options.databaseDir().toAbsolutePath().normalize() + " (Bolt "
                        + embedded.boltUri() + ")"
                : "external Neo4j at " + options.neo4j().uri();
    }

    @Override
    public void close() {
        db.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
