package fr.passerelle.publish;

import fr.passerelle.graph.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history of releases: whether one is due ({@link PublicationPolicy}), building it
 * ({@link Publisher}, with stable values) and opening the next window of changes. Every writer of a
 * release (the server's schedule and admin route, the {@code publish} and {@code export} commands)
 * goes through here, so nothing is ever published between two releases.
 */
public final class Releases {
    private static final Logger LOG = LoggerFactory.getLogger(Releases.class);

    /**
     * What a publication call did.
     *
     * @param release the newest release (the new one when {@code published})
     */
    public record Outcome(Publication release, PublicationPolicy.Decision decision, boolean published) {}

    private final Database db;
    private final Publisher publisher;
    private final Path root;
    private final PublicationPolicy policy;
    private final Clock clock;

    public Releases(Database db, Publisher publisher, Path root, PublicationPolicy policy, Clock clock) {
        this.db = db;
        this.publisher = publisher;
        this.root = root;
        this.policy = policy;
        this.clock = clock;
    }

    public PublicationPolicy policy() {
        return policy;
    }

    /** The newest complete release, if any. */
    public Optional<Publication> newest() {
        return java.nio.file.Files.isDirectory(root) ? Publication.newest(root) : Optional.empty();
    }

    /**
     * Publishes when the policy says so (or {@code forcedBy} is not null: who forces it, logged);
     * otherwise returns the newest release as it is.
     */
    public synchronized Outcome publish(String forcedBy) {
        long changes = pendingChanges();
        Optional<Publication> newest = newest();
        PublicationPolicy.Decision decision = policy.decide(
                changes,
                newest.map(p -> Instant.parse(p.publishedAt())).orElse(null),
                clock.instant(),
                forcedBy != null);
        if (!decision.publish()) {
            return new Outcome(newest.orElseThrow(), decision, false);
        }
        if (decision.reason() == PublicationPolicy.Reason.FORCED) {
            LOG.warn(
                    "publication forced by {} with {} change(s) waiting (the policy asks for {} or {} days)",
                    forcedBy,
                    changes,
                    policy.minChanges(),
                    policy.maxDelay().toDays());
        }
        Publication p = publisher.publish(root);
        db.writeOne("person/close-window", Map.of("published", changes));
        LOG.info("release {} published ({})", p.version(), decision.reason());
        return new Outcome(p, decision, true);
    }

    /**
     * The state behind the newest release's stable values in {@code stateDir} (what a backup keeps, so that
     * a restored home goes on from the values readers have seen), if any.
     */
    public static Optional<Path> newestState(Path stateDir) {
        return StableValues.stateOf(stateDir, -1);
    }

    /** The exact number of people changed since the last release: for the policy only, never shown. */
    private long pendingChanges() {
        return db.read("person/pending-changes", Map.of(), r -> r.get("changes").asLong()).stream()
                .findFirst()
                .orElse(0L);
    }

    /**
     * What readers are told of the schedule (health, the register, the notice, receipts): when the
     * last release went out, the rule, and the date by which any change made now is published at the
     * latest. Never how many people wait (an exact count), nor whether anyone does (watching it flip
     * would time a change).
     */
    public Map<String, Object> schedule() {
        Optional<Publication> newest = newest();
        return schedule(
                policy,
                newest.map(p -> Instant.parse(p.publishedAt())).orElse(null),
                newest.map(Publication::version).orElse(null));
    }

    /** The schedule as every reader sees it (see {@link #schedule()}). */
    public static Map<String, Object> schedule(PublicationPolicy policy, Instant last, Long version) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("version", version);
        s.put("publishedAt", last == null ? null : last.toString());
        s.put("minChanges", policy.minChanges());
        s.put("maxDelayDays", policy.maxDelay().toDays());
        s.put("checkEveryHours", policy.checkEvery().toHours());
        // Whether anything waits is not said: watching it flip would time a change.
        s.put(
                "latestNextPublication",
                last == null ? null : last.plus(policy.maxDelay()).toString());
        return s;
    }
}
