package fr.passerelle.app;

import fr.passerelle.api.ApiServer;
import fr.passerelle.privacy.Register;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.ReleaseApi;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateless API replica ({@code serve --release DIR}): the API and the trainers' page from a
 * release folder alone, without the person store, the keys or any admin operation. It serves the
 * newest complete version in the folder and, polling it, switches to a newer one when it appears
 * (the new store is built beside the one answering, then swapped). Any number of replicas behind a
 * load balancer give the same bytes for the same question on the same release.
 */
public final class Replica implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

    /**
     * @param releases a folder of {@code <version>/} releases as {@code publish} writes them (or one release folder)
     * @param poll how often the folder is checked for a newer release
     */
    public record Options(
            Path releases,
            String host,
            int port,
            List<String> corsOrigins,
            int rateLimit,
            Duration poll,
            Register.Settings register) {
        public Options {
            corsOrigins = List.copyOf(corsOrigins);
        }
    }

    private final ReleaseApi release;
    private final AtomicReference<Publication> latest;
    private final Javalin app;
    private final ScheduledExecutorService poller;
    private final Path releases;

    private Replica(Options options, Publication first) {
        this.releases = options.releases();
        this.release = ReleaseApi.start(Settings.RELEASE_PAGE_CACHE_BYTES, first);
        this.latest = new AtomicReference<>(first);
        Services services = Services.over(
                release.database(),
                new Thresholds(first.k(), first.minDenominator()),
                Clock.systemUTC(),
                options.register());
        ApiServer.Options apiOptions = new ApiServer.Options(options.corsOrigins(), latest::get)
                .withAccess(null, fr.passerelle.api.ApiKeys.none(), false, options.rateLimit());
        this.app = ApiServer.create(services, apiOptions, new ArrayList<>()).start(options.host(), options.port());
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "release-poll");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, options.poll().toMillis());
        poller.scheduleWithFixedDelay(this::follow, every, every, TimeUnit.MILLISECONDS);
    }

    /** Serves the newest complete release in {@code options.releases()}; an error when there is none yet. */
    public static Replica start(Options options) {
        Publication first = Publication.newest(options.releases())
                .orElseThrow(
                        () -> new IllegalArgumentException(
                                "no complete release in " + options.releases()
                                        + " (expected <version>/ folders written by 'passerelle publish', each with its COMPLETE mark)"));
        Replica replica = new Replica(options, first);
        LOG.info("Serving release version {} from {}", first.version(), first.dir());
        return replica;
    }

    /** Switches to a newer complete release when one has appeared; the one answering keeps answering meanwhile. */
    private void follow() {
        try {
            Publication.newest(releases).ifPresent(next -> {
                if (next.version() > latest.get().version()) {
                    release.switchTo(next);
                    latest.set(next);
                    LOG.info("Switched to release version {}", next.version());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("cannot follow the releases in {}: {}", releases, e.getMessage(), e);
        }
    }

    public int port() {
        return app.port();
    }

    public Publication publication() {
        return latest.get();
    }

    @Override
    public void close() {
        poller.shutdownNow();
        app.stop();
        release.close();
    }
}
