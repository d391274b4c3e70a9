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
 * @param neo4jUri an external Neo4j instead of the embedded one (null: embedded)
 * @param boltPort the embedded database's Bolt port on 127.0.0.1 (0: any free port)
 * @param keyFile the HMAC key file (null: {@code <home>/keys/hmac.key})
 * @param catalogue the steps trajectories may use (null: the bundled {@code import/catalogue.csv})
 */
public record Settings(
        Path home,
        String neo4jUri,
        String neo4jUser,
        String neo4jPassword,
        String neo4jDatabase,
        int boltPort,
        long pageCacheMb,
        Path keyFile,
        int k,
        int minDenominator,
        Normaliser.RegionLevel regionLevel,
        int retentionMonths,
        Path catalogue,
        String controller,
        String dpoContact) {
    /** How long a connection to Neo4j may take to answer before the command or request fails. */
    public static final Duration NEO4J_TIMEOUT = Duration.ofSeconds(30);
    /** Page cache of each release store (the API's, the analysts'): a release is tens of MiB, whatever the people. */
    public static final long RELEASE_PAGE_CACHE_BYTES = 64L << 20;
    /** Records per transaction for imports through the admin API and batch imports on an external Neo4j. */
    public static final int IMPORT_BATCH = 2000;
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
                null,
                null,
                null,
                null,
                7687,
                512,
                null,
                11,
                20,
                Normaliser.RegionLevel.REGION,
                24,
                null,
                null,
                null);
    }

    public boolean embedded() {
        return neo4jUri == null || neo4jUri.isBlank();
    }

    public Path databaseDir() {
        return home.resolve("neo4j");
    }

    public Path keyFileOrDefault() {
        return keyFile != null ? keyFile : home.resolve("keys").resolve("hmac.key");
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

    public Path analystDir() {
        return home.resolve("analyst");
    }

    /** What the processing register states of these settings, with the key id the pseudonyms are under. */
    public fr.passerelle.privacy.Register.Settings register(String keyId) {
        return new fr.passerelle.privacy.Register.Settings(
                keyId, retentionMonths, regionLevel.name(), controller, dpoContact);
    }

    /** Every pseudonym put on the do-not-collect list, outside the database: what a restore applies again. */
    public Path journalFile() {
        return home.resolve("do-not-collect.jsonl");
    }

    public Path publishedDir() {
        return home.resolve("published");
    }

    public Path releaseApiDir() {
        return home.resolve("release-api");
    }

    public Settings withHome(Path newHome) {
        return new Settings(
                newHome,
                neo4jUri,
                neo4jUser,
                neo4jPassword,
                neo4jDatabase,
                boltPort,
                pageCacheMb,
                keyFile,
                k,
                minDenominator,
                regionLevel,
                retentionMonths,
                catalogue,
                controller,
                dpoContact);
    }

    public Settings withBoltPort(int port) {
        return new Settings(
                home,
                neo4jUri,
                neo4jUser,
                neo4jPassword,
                neo4jDatabase,
                port,
                pageCacheMb,
                keyFile,
                k,
                minDenominator,
                regionLevel,
                retentionMonths,
                catalogue,
                controller,
                dpoContact);
    }

    /** The same settings on an external Neo4j (null uri: the embedded one). */
    public Settings withNeo4j(String uri, String user, String password) {
        return new Settings(
                home,
                uri,
                user,
                password,
                neo4jDatabase,
                boltPort,
                pageCacheMb,
                keyFile,
                k,
                minDenominator,
                regionLevel,
                retentionMonths,
                catalogue,
                controller,
                dpoContact);
    }

    public Settings withCatalogue(Path file) {
        return new Settings(
                home,
                neo4jUri,
                neo4jUser,
                neo4jPassword,
                neo4jDatabase,
                boltPort,
                pageCacheMb,
                keyFile,
                k,
                minDenominator,
                regionLevel,
                retentionMonths,
                file,
                controller,
                dpoContact);
    }
}
