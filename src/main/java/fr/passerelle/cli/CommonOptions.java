package fr.passerelle.cli;

import fr.passerelle.ingest.Normaliser;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares; each can also come from a PASSERELLE_* environment variable. */
public final class CommonOptions {
    @Option(
            names = "--home",
            defaultValue = "${env:PASSERELLE_HOME:-var}",
            description =
                    "Working directory: embedded database in <home>/neo4j, key in <home>/keys (env PASSERELLE_HOME; default: ${DEFAULT-VALUE}).")
    Path home;

    @Option(
            names = "--neo4j-uri",
            defaultValue = "${env:PASSERELLE_NEO4J_URI}",
            description =
                    "External Neo4j 5.26+ (neo4j://, bolt://, neo4j+s://...) instead of the embedded database (env PASSERELLE_NEO4J_URI).")
    String neo4jUri;

    @Option(
            names = "--neo4j-user",
            defaultValue = "${env:PASSERELLE_NEO4J_USER}",
            description = "User for the external Neo4j (env PASSERELLE_NEO4J_USER).")
    String neo4jUser;

    @Option(
            names = "--neo4j-password",
            defaultValue = "${env:PASSERELLE_NEO4J_PASSWORD}",
            arity = "0..1",
            interactive = true,
            description =
                    "Password for the external Neo4j, or of the embedded one (default: generated once into <home>/keys/neo4j.password; env PASSERELLE_NEO4J_PASSWORD).")
    String neo4jPassword;

    @Option(
            names = "--neo4j-database",
            defaultValue = "${env:PASSERELLE_NEO4J_DATABASE}",
            description = "Database name on the external Neo4j (default: the server's default).")
    String neo4jDatabase;

    @Option(
            names = "--bolt-port",
            defaultValue = "${env:PASSERELLE_BOLT_PORT:-7687}",
            description =
                    "Bolt port of the embedded database on 127.0.0.1 (0 = any free port; default: ${DEFAULT-VALUE}).")
    int boltPort;

    @Option(
            names = "--page-cache-mb",
            defaultValue = "${env:PASSERELLE_PAGE_CACHE_MB:-512}",
            description = "Page cache of the embedded database in MiB (default: ${DEFAULT-VALUE}).")
    long pageCacheMb;

    @Option(
            names = "--key-file",
            defaultValue = "${env:PASSERELLE_KEY_FILE}",
            description = "HMAC key file (default <home>/keys/hmac.key, created owner-only on first use). "
                    + "PASSERELLE_HMAC_SECRET (base64, >= 32 bytes) overrides it.")
    Path keyFile;

    @Option(
            names = "-k",
            defaultValue = "${env:PASSERELLE_K:-11}",
            description = "Smallest number of people a published count may stand on (>= 5; default: ${DEFAULT-VALUE}).")
    int k;

    @Option(
            names = "--min-denominator",
            defaultValue = "${env:PASSERELLE_MIN_DENOMINATOR:-20}",
            description = "Smallest denominator a share may stand on (default: ${DEFAULT-VALUE}).")
    int minDenominator;

    @Option(
            names = "--region-level",
            defaultValue = "${env:PASSERELLE_REGION_LEVEL:-REGION}",
            description = "Region kept at ingestion: REGION (INSEE region) or NONE (default: ${DEFAULT-VALUE}).")
    Normaliser.RegionLevel regionLevel;

    @Option(
            names = "--retention-months",
            defaultValue = "${env:PASSERELLE_RETENTION_MONTHS:-24}",
            description =
                    "Records not collected again for this many months are erased by purge (default: ${DEFAULT-VALUE}).")
    int retentionMonths;

    @Option(
            names = "--catalogue",
            defaultValue = "${env:PASSERELLE_CATALOGUE}",
            description =
                    "Catalogue CSV (code,kind,label,domain,field,level,typical_months[,aliases]); default: the bundled import/catalogue.csv.")
    Path catalogue;

    /** The parsed options as the one settings record every component reads. */
    public fr.passerelle.app.Settings settings() {
        return new fr.passerelle.app.Settings(
                home,
                new fr.passerelle.app.Settings.Neo4j(
                        neo4jUri, neo4jUser, neo4jPassword, neo4jDatabase, boltPort, pageCacheMb),
                new fr.passerelle.app.Settings.Privacy(
                        keyFile, k, minDenominator, regionLevel, retentionMonths, controller, dpoContact),
                catalogue,
                new fr.passerelle.app.Settings.Publishing(
                        minChanges,
                        java.time.Duration.ofDays(maxDelayDays),
                        java.time.Duration.ofHours(checkEveryHours),
                        stableWithin,
                        contributionsPerKeyPerDay));
    }

    @Option(
            names = "--min-changes",
            defaultValue = "${env:PASSERELLE_MIN_CHANGES:-50}",
            description =
                    "A new release goes out when at least this many people were added, replaced or removed since the "
                            + "last one (at least 2k; default: ${DEFAULT-VALUE}).")
    int minChanges;

    @Option(
            names = "--max-delay-days",
            defaultValue = "${env:PASSERELLE_MAX_DELAY_DAYS:-30}",
            description = "... or when the last release is this many days old and anything changed: an erased person "
                    + "leaves the published figures within it (default: ${DEFAULT-VALUE}).")
    long maxDelayDays;

    @Option(
            names = "--check-every-hours",
            defaultValue = "${env:PASSERELLE_CHECK_EVERY_HOURS:-24}",
            description =
                    "How often serve purges expired records and checks whether a release is due (default: ${DEFAULT-VALUE}).")
    long checkEveryHours;

    @Option(
            names = "--stable-within",
            defaultValue = "${env:PASSERELLE_STABLE_WITHIN:-5}",
            description =
                    "A released value stays as it was until its true count moved by this many people since it was "
                            + "drawn (0: drawn again at every release; default: ${DEFAULT-VALUE}).")
    int stableWithin;

    @Option(
            names = "--contributions-per-key-per-day",
            defaultValue = "${env:PASSERELLE_CONTRIBUTIONS_PER_KEY_PER_DAY:-20}",
            description = "Contributions one app key may send in a UTC day (default: ${DEFAULT-VALUE}).")
    int contributionsPerKeyPerDay;

    @picocli.CommandLine.Option(
            names = "--controller",
            defaultValue = "${env:PASSERELLE_CONTROLLER}",
            description =
                    "Who is responsible for the processing, as the privacy notice and the register name it (env PASSERELLE_CONTROLLER).")
    String controller;

    @picocli.CommandLine.Option(
            names = "--dpo-contact",
            defaultValue = "${env:PASSERELLE_DPO_CONTACT}",
            description =
                    "How to reach the data protection officer: an e-mail address or a URL (env PASSERELLE_DPO_CONTACT).")
    String dpoContact;
}
