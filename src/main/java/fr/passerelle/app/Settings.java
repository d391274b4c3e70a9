package fr.passerelle.app;

import fr.passerelle.ingest.Normaliser;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting a Passerelle process starts from, in one place: the command line (and its
 * PASSERELLE_* environment variables, see {@code cli/CommonOptions}) fills it, nothing else reads
 * options or the environment. Derived paths and the fixed sizes every component shares live here too.
 *
 * @param home working directory: embedded database in {@code <home>/neo4j}, keys in {@code <home>/keys}
 * @param neo4j which Neo4j holds the person layer, and how to reach it
 * @param privacy the pseudonymisation key, the disclosure thresholds and what the register states
 * @param catalogue the steps trajectories may use (null: the bundled {@code import/catalogue.csv})
 * @param publishing when a new release goes out, how stable its values stay, what one app may contribute
 */
public record Settings(Path home, Neo4j neo4j, Privacy privacy, Path catalogue, Publishing publishing) {
    /**
     * @param uri an external Neo4j instead of the embedded one (null: embedded)
     * @param password of the external Neo4j or the embedded one (null: generated once into a file)
     * @param database the external Neo4j's database (null: its default)
     * @param boltPort the embedded database's Bolt port on 127.0.0.1 (0: any free port)
     * @param pageCacheMb the embedded database's page cache
     */
    public record Neo4j(String uri, String user, String password, String database, int boltPort, long pageCacheMb) {
        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }

    /**
     * @param keyFile the HMAC key file (null: {@code <home>/keys/hmac.key})
     * @param k no released count below it; @param minDenominator no share on fewer
     * @param controller who is responsible for the processing; @param dpoContact how to reach the DPO
     */
    public record Privacy(
            Path keyFile,
            int k,
            int minDenominator,
            Normaliser.RegionLevel regionLevel,
            int retentionMonths,
            String controller,
            String dpoContact) {}

    /**
     * The release's history (README, "How releases change over time").
     *
     * @param minChanges a release goes out when at least this many people were added, replaced or removed
     *     since the last one (never below 2k: a diff must blend several people)
     * @param maxDelay ... or when the last release is this old and anything changed (an erased person
     *     leaves the published figures within it)
     * @param checkEvery how often the server checks (and runs the retention purge)
     * @param stableWithin a released value stays as it was until its cell's true count moved by this
     *     many people since the value was drawn (0: every value drawn again at each release)
     * @param contributionsPerKeyPerDay contributions one app key may send in a UTC day
     */
    public record Publishing(
            int minChanges, Duration maxDelay, Duration checkEvery, int stableWithin, int contributionsPerKeyPerDay) {
        public static final int DEFAULT_MIN_CHANGES = 50;
        public static final Duration DEFAULT_MAX_DELAY = Duration.ofDays(30);
        public static final Duration DEFAULT_CHECK_EVERY = Duration.ofDays(1);
        public static final int DEFAULT_STABLE_WITHIN = 5;
        public static final int DEFAULT_CONTRIBUTIONS_PER_KEY_PER_DAY =
                fr.passerelle.ingest.DirectContributions.DEFAULT_PER_KEY_PER_DAY;

        public Publishing {
            if (maxDelay.isNegative() || maxDelay.isZero() || checkEvery.isNegative() || checkEvery.isZero()) {
                throw new IllegalArgumentException("the longest delay and the check interval must be positive");
            }
            if (stableWithin < 0 || contributionsPerKeyPerDay < 0) {
                throw new IllegalArgumentException("stable-within and the contribution quota must be 0 or more");
            }
        }

        public static Publishing defaults() {
            return new Publishing(
                    DEFAULT_MIN_CHANGES,
                    DEFAULT_MAX_DELAY,
                    DEFAULT_CHECK_EVERY,
                    DEFAULT_STABLE_WITHIN,
                    DEFAULT_CONTRIBUTIONS_PER_KEY_PER_DAY);
        }
    }

    public Settings {
        // Fewer than 2k changed people and a diff could isolate one of them from the rest of the batch.
        if (publishing.minChanges() < 2 * privacy.k()) {
            throw new IllegalArgumentException(
                    "--min-changes must be at least 2k (" + 2 * privacy.k() + "), got " + publishing.minChanges());
        }
    }

    /** How long a connection to Neo4j may take to answer before the command or request fails. */
    public static final Duration NEO4J_TIMEOUT = fr.passerelle.graph.Database.TIMEOUT;
    /** Page cache of each release store (the API's, the analysts'): a release is tens of MiB, whatever the people. */
    public static final long RELEASE_PAGE_CACHE_BYTES = fr.passerelle.publish.ReleaseStore.PAGE_CACHE_BYTES;
    /** Records per transaction for imports through the admin API and batch imports on an external Neo4j. */
    public static final int IMPORT_BATCH = 2000;
    /** Pseudonyms re-keyed per transaction by a key rotation (two short strings each: larger batches than imports). */
    public static final int REKEY_BATCH = 5000;
    /** Records per transaction for people's own contributions (one or a few at a time). */
    public static final int CONTRIBUTION_BATCH = 100;

    /**
     * The pseudonymisation secret given in the environment ({@code PASSERELLE_HMAC_SECRET}, base64,
     * a chain comma-separated oldest first), or null: then the key file holds it. Secrets stay out of
     * this record, so that printing the settings never prints one.
     */
    public static String hmacSecret() {
        return System.getenv(fr.passerelle.privacy.HmacKey.ENV);
    }

    /** The record-key secret given in the environment ({@code PASSERELLE_RECORD_SECRET}), or null: then {@code record.key} holds it. */
    public static String recordSecret() {
        return System.getenv(fr.passerelle.privacy.RecordKeys.ENV);
    }

    /** The settings of a fresh embedded database in {@code home}, with every other value at its default. */
    public static Settings defaults(Path home) {
        return new Settings(
                home,
                new Neo4j(null, null, null, null, 7687, 512),
                new Privacy(null, 11, 20, Normaliser.RegionLevel.REGION, 24, null, null),
                null,
                Publishing.defaults());
    }

    public boolean embedded() {
        return neo4j.embedded();
    }

    public Path databaseDir() {
        return home.resolve("neo4j");
    }

    /** Where {@code import --rebuild} writes the new store before it replaces the live one. */
    public Path rebuildDir() {
        return home.resolve("neo4j.rebuild");
    }

    /** Where the live store waits, during a rebuild's swap, until the new one is in place. */
    public Path replacedDatabaseDir() {
        return home.resolve("neo4j.old");
    }

    public Path keyFileOrDefault() {
        return privacy.keyFile() != null
                ? privacy.keyFile()
                : home.resolve("keys").resolve("hmac.key");
    }

    /** The secret behind the record keys of cell-key perturbation: beside the pseudonymisation key, never the same. */
    public Path recordKeyFile() {
        return keyFileOrDefault().toAbsolutePath().resolveSibling("record.key");
    }

    /** The embedded database's password file, generated once (owner-only) when no password is given. */
    public Path neo4jPasswordFile() {
        return keyFileOrDefault().toAbsolutePath().resolveSibling("neo4j.password");
    }

    /** API keys, stored hashed; a running server sees changes at once. */
    public static Path apiKeysFile(Path home) {
        return home.resolve("keys").resolve("api-keys.csv");
    }

    public Path apiKeysFile() {
        return apiKeysFile(home);
    }

    /** The analysts' password file, generated once (owner-only) when no password is given. */
    public Path analystPasswordFile() {
        return home.resolve("keys").resolve("analyst.password");
    }

    /** The API's release store, kept between starts ({@link fr.passerelle.publish.ReleaseApi#startKept}). */
    public Path apiStoreDir() {
        return home.resolve("api-store");
    }

    public Path analystDir() {
        return home.resolve("analyst");
    }

    /** What the processing register states of these settings, with the key id the pseudonyms are under. */
    public fr.passerelle.privacy.Register.Settings register(String keyId) {
        return new fr.passerelle.privacy.Register.Settings(
                keyId,
                privacy.retentionMonths(),
                privacy.regionLevel().name(),
                privacy.controller(),
                privacy.dpoContact(),
                () -> fr.passerelle.api.OpenEstablishments.beside(apiKeysFile(home))
                        .list());
    }

    /** Every pseudonym put on the do-not-collect list, outside the database: what a restore applies again. */
    public Path journalFile() {
        return home.resolve("do-not-collect.jsonl");
    }

    /** Bodies of {@code POST /api/admin/import} while they are imported. */
    public Path uploadsDir() {
        return home.resolve("uploads");
    }

    public Path publishedDir() {
        return home.resolve("published");
    }

    public Settings withHome(Path newHome) {
        return new Settings(newHome, neo4j, privacy, catalogue, publishing);
    }

    public Settings withBoltPort(int port) {
        Neo4j n = neo4j;
        return new Settings(
                home,
                new Neo4j(n.uri(), n.user(), n.password(), n.database(), port, n.pageCacheMb()),
                privacy,
                catalogue,
                publishing);
    }

    /** The same settings on an external Neo4j (null uri: the embedded one). */
    public Settings withNeo4j(String uri, String user, String password) {
        Neo4j n = neo4j;
        return new Settings(
                home,
                new Neo4j(uri, user, password, n.database(), n.boltPort(), n.pageCacheMb()),
                privacy,
                catalogue,
                publishing);
    }

    public Settings withCatalogue(Path file) {
        return new Settings(home, neo4j, privacy, file, publishing);
    }

    public Settings withPublishing(Publishing p) {
        return new Settings(home, neo4j, privacy, catalogue, p);
    }

    /**
     * The true counts behind the last release's values (what stable values are compared with):
     * beside the person store, never in the published folder that readers and replicas copy.
     */
    public Path releaseStateDir() {
        return home.resolve("release-state");
    }
}
