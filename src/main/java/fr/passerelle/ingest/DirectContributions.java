package fr.passerelle.ingest;

import fr.passerelle.graph.Database;
import fr.passerelle.lifecycle.Erasure;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Trajectories people give themselves, through an orientation app, with their consent (GDPR Art.
 * 6(1)(a)): stored under the source {@value #SOURCE}, minimised and pseudonymised like any import,
 * with a consent record (purpose text version, time, app). The person gets a withdrawal token, shown
 * once; only its SHA-256 is kept. Withdrawing erases the trajectory (with a receipt) and lists it so it
 * is never taken again.
 */
public final class DirectContributions {
    public static final String SOURCE = "contributions";

    /** What the app passes on to the person: the token (once), and what it allows. */
    public record Accepted(String token, String withdraw, String purposeVersion, String consentedAt) {}

    private final Database db;
    private final Importer importer;
    private final Erasure erasure;
    private final Clock clock;
    private final int perKeyPerDay;
    private final SecureRandom random = new SecureRandom();

    /** Contributions one app key may send in a UTC day, unless set otherwise. */
    public static final int DEFAULT_PER_KEY_PER_DAY = 20;

    public DirectContributions(Database db, Importer importer, Erasure erasure, Clock clock) {
        this(db, importer, erasure, clock, DEFAULT_PER_KEY_PER_DAY);
    }

    /** With at most {@code perKeyPerDay} contributions per app key and UTC day: one app cannot flood a release. */
    public DirectContributions(Database db, Importer importer, Erasure erasure, Clock clock, int perKeyPerDay) {
        this.db = db;
        this.importer = importer;
        this.erasure = erasure;
        this.clock = clock;
        this.perKeyPerDay = perKeyPerDay;
    }

    /** An app key has sent its contributions for the day; {@link #retryAfterSeconds} until the next. */
    public static final class QuotaExceeded extends RuntimeException {
        private final long retryAfterSeconds;
        private final int perDay;

        QuotaExceeded(int perDay, long retryAfterSeconds) {
            super("this app key has sent its " + perDay + " contributions for today (UTC)");
            this.perDay = perDay;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        public int perDay() {
            return perDay;
        }
    }

    /**
     * Stores one person's trajectory with their consent; a bad step rejects it whole.
     *
     * @throws InvalidContribution naming what is wrong
     */
    public Accepted contribute(String app, List<RawStep> steps, String purposeVersion, String consentedAt) {
        if (purposeVersion == null || purposeVersion.isBlank() || purposeVersion.length() > 64) {
            throw new InvalidContribution(
                    "consent.purposeVersion",
                    "the version of the purpose text the person agreed to (1..64 characters)");
        }
        Instant consented;
        try {
            consented = Instant.parse(consentedAt);
        } catch (RuntimeException e) {
            throw new InvalidContribution(
                    "consent.consentedAt", "when the person consented, as an ISO date-time (2026-11-30T10:00:00Z)");
        }
        if (consented.isAfter(clock.instant().plusSeconds(300))) {
            throw new InvalidContribution("consent.consentedAt", "a time not in the future");
        }
        if (steps == null || steps.isEmpty() || steps.size() > 50) {
            throw new InvalidContribution("steps", "1..50 steps in the import format (kind, code, start, end, region)");
        }
        java.time.Instant now = clock.instant();
        java.time.Instant today = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        long sent = db.read(
                        "import/contributions-since",
                        Map.of("app", app == null ? "" : app, "since", today.toString()),
                        r -> r.get("sent").asLong())
                .get(0);
        if (sent >= perKeyPerDay) {
            throw new QuotaExceeded(
                    perKeyPerDay,
                    java.time.Duration.between(now, today.plus(java.time.Duration.ofDays(1)))
                                    .toSeconds()
                            + 1);
        }
        String id = UUID.randomUUID().toString();
        // Each record names its app key: a cell's k test is counted without contributed people.
        ImportReport report = importer.contributedThrough(app)
                .importRecords(List.of(new RawTrajectory(SOURCE, id, steps, "contribution")), n -> {});
        if (report.added() != 1) {
            // The reader's own words for the first problem ("step 2: unknown step code ..."), the field as the JSON
            // body spells it (steps[1]: the second step).
            String reason = report.problems().isEmpty()
                    ? "the steps were not accepted"
                    : report.problems().get(0).reason();
            java.util.regex.Matcher step =
                    java.util.regex.Pattern.compile("^step (\\d+): ").matcher(reason);
            throw new InvalidContribution(
                    step.find() ? "steps[" + (Integer.parseInt(step.group(1)) - 1) + "]" : "steps", reason);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        db.writeOne(
                "import/create-consent",
                Map.of(
                        "tokenHash",
                        fr.passerelle.privacy.Digest.sha256Hex(token),
                        "contributionId",
                        id,
                        "app",
                        app,
                        "purposeVersion",
                        purposeVersion,
                        "consentedAt",
                        consented.toString(),
                        "receivedAt",
                        now.toString()));
        return new Accepted(token, "DELETE /api/contributions/" + token, purposeVersion, consented.toString());
    }

    /** Withdraws a contribution by its token: the trajectory erased, listed, the consent record removed; empty when unknown. */
    public Optional<Erasure.Receipt> withdraw(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        String hash = fr.passerelle.privacy.Digest.sha256Hex(token);
        List<String> found = db.read(
                "import/find-consent",
                Map.of("tokenHash", hash),
                r -> r.get("contributionId").asString());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // Erase first: if anything stops in between, the token still works and erasing again changes nothing.
        Erasure.Receipt receipt =
                erasure.erase(SOURCE, found, Erasure.Reason.CONSENT_WITHDRAWN).get(0);
        db.writeOne("import/delete-consent", Map.of("tokenHash", hash));
        return Optional.of(receipt);
    }

    /** A contribution that cannot be taken as sent: which field, and what is expected. */
    public static final class InvalidContribution extends RuntimeException {
        private final String field;

        public InvalidContribution(String field, String expected) {
            super(expected);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
