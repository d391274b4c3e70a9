package fr.passerelle.app;

import fr.passerelle.analyst.AnalystNeo4j;
import fr.passerelle.api.Admin;
import fr.passerelle.api.ApiKeys;
import fr.passerelle.api.ApiServer;
import fr.passerelle.collect.Opposition;
import fr.passerelle.files.Folders;
import fr.passerelle.ingest.DirectContributions;
import fr.passerelle.ingest.ImportReport;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.ReleaseApi;
import fr.passerelle.publish.Releases;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} runs, wired once: the newest release (published first when there is none; a
 * restart is no reason for one), the API's release store, then the analysts' (loaded beside the running API),
 * the admin operations, the scheduled retention purge and publication check (a release goes out only
 * when the publication policy says so), the HTTP server, and the orderly stop. Tests start it as the
 * command does.
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    /**
     * What the HTTP side needs beyond {@link Settings}.
     *
     * @param analysts also serve the release read-only to analysts (embedded database only)
     * @param analystPassword the analysts' password (null or blank: generated once into {@code <home>/keys})
     * @param rateLimit requests per minute per API key (per address for anonymous calls); 0 none
     */
    public record Options(
            String host,
            int port,
            List<String> corsOrigins,
            boolean analysts,
            int analystHttpPort,
            int analystBoltPort,
            String analystPassword,
            boolean requireReaderKey,
            int rateLimit) {
        public Options {
            corsOrigins = List.copyOf(corsOrigins);
        }
    }

    private final Environment env;
    private final ReleaseApi release;
    /** The analysts' instance, started after the API is up (null when not served). */
    private final CompletableFuture<AnalystNeo4j> analysts;

    private final String analystPassword;
    private final AtomicReference<Publication> latest;
    private final Releases releases;
    private final Javalin app;
    private final ScheduledExecutorService daily;
    private final Object publishing = new Object();

    private Server(
            Environment env,
            ReleaseApi release,
            CompletableFuture<AnalystNeo4j> analysts,
            String analystPassword,
            AtomicReference<Publication> latest,
            Releases releases,
            Options options) {
        this.env = env;
        this.releases = releases;
        this.release = release;
        this.analysts = analysts;
        this.analystPassword = analystPassword;
        this.latest = latest;
        Settings settings = env.settings();
        ApiServer.Options apiOptions = new ApiServer.Options(options.corsOrigins(), latest::get)
                .withSchedule(releases::schedule)
                .withAccessLog(fr.passerelle.api.AccessLog.to(accessLogFile(settings.home())))
                .withAccess(
                        admin(), ApiKeys.load(settings.apiKeysFile()), options.requireReaderKey(), options.rateLimit())
                .withSelfService(
                        new Opposition(env.erasure(), env.clock()),
                        new DirectContributions(
                                env.db(),
                                env.importer(Settings.CONTRIBUTION_BATCH),
                                env.erasure(),
                                env.clock(),
                                settings.publishing().contributionsPerKeyPerDay()));
        fr.passerelle.recommend.Services services = env.services(release.database());
        // The search index is built beside the start (ROME titles take a second or two to read), so
        // that the first visitor who types does not wait for it.
        Thread warm = new Thread(() -> services.steps().search("", null, 1), "search-index");
        warm.setDaemon(true);
        warm.start();
        this.app = ApiServer.create(services, apiOptions, new ArrayList<>()).start(options.host(), options.port());
        // Retention is enforced by the server itself: at every check a purge, then a publication if the policy says one
        // is due (enough people changed, or the longest delay reached).
        this.daily = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention-purge");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, settings.publishing().checkEvery().toMinutes());
        daily.scheduleAtFixedRate(this::purgeAndPublish, Math.min(60, every), every, TimeUnit.MINUTES);
    }

    /**
     * Publishes the graph as it is now, loads the release into the API's store and the analysts'
     * (when asked for, embedded database only), and starts the HTTP server on it.
     */
    public static Server start(Environment env, Options options) {
        return start(env, options, false);
    }

    /**
     * As {@link #start(Environment, Options)}; with {@code keepApiStore} (the {@code serve} command), the API's store is
     * kept in the home between starts ({@link Settings#apiStoreDir}) and a restart on the same release loads nothing.
     * Tests leave it off: their servers share the process's warm instances instead.
     */
    public static Server start(Environment env, Options options, boolean keepApiStore) {
        Settings settings = env.settings();
        String shownHost = shownHost(options.host());
        String password = null;
        AnalystNeo4j.Settings analystSettings = null;
        if (options.analysts() && env.isEmbedded()) {
            password = options.analystPassword() != null
                            && !options.analystPassword().isBlank()
                    ? options.analystPassword()
                    : PasswordFile.loadOrCreate(settings.analystPasswordFile());
            String guide = guideBase(options.host(), options.port()) + "/guide/fr.html";
            analystSettings = new AnalystNeo4j.Settings(
                    settings.analystDir(),
                    shownHost,
                    options.analystBoltPort(),
                    options.analystHttpPort(),
                    password,
                    Settings.RELEASE_PAGE_CACHE_BYTES,
                    guide);
        }
        long t0 = System.nanoTime();
        Releases releases = env.releases();
        // A restart is no reason for a release: the newest is served, and the first check comes within the hour.
        Publication first =
                releases.newest().orElseGet(() -> releases.publish(null).release());
        // The API's store first, then the analysts' beside a running API: on two cores two loads side by side take as
        // long as one after the other, so the API answers about half the load time sooner (Browser users, a few
        // seconds later, are told when it is there).
        ReleaseApi release = keepApiStore
                ? ReleaseApi.startKept(Settings.RELEASE_PAGE_CACHE_BYTES, first, settings.apiStoreDir())
                : ReleaseApi.start(Settings.RELEASE_PAGE_CACHE_BYTES, first);
        LOG.info(
                release.servedFromKeptStore()
                        ? "Release {}: the API's store kept by the last start is served as it is ({} s, nothing to load)."
                        : "Published version {} and started the API's release store in {} s.",
                first.version(),
                String.format("%.1f", (System.nanoTime() - t0) / 1e9));
        CompletableFuture<AnalystNeo4j> analysts = null;
        if (analystSettings != null) {
            AnalystNeo4j.Settings given = analystSettings;
            long t1 = System.nanoTime();
            analysts = CompletableFuture.supplyAsync(() -> {
                AnalystNeo4j started = AnalystNeo4j.start(first, given);
                LOG.info(
                        "Started the analysts' release store in {} s.",
                        String.format("%.1f", (System.nanoTime() - t1) / 1e9));
                return started;
            });
        }
        try {
            return new Server(env, release, analysts, password, new AtomicReference<>(first), releases, options);
        } catch (RuntimeException e) {
            if (analysts != null) {
                analysts.thenAccept(AnalystNeo4j::close);
            }
            release.close();
            throw e;
        }
    }

    /** This server as Neo4j Browser fetches the guide from it: "localhost" for the loopback and wildcard interfaces. */
    public static String guideBase(String host, int port) {
        String shown = shownHost(host);
        return "http://" + (shown.equals("127.0.0.1") ? "localhost" : shown) + ":" + port;
    }

    /** "localhost" for a wildcard interface, as people type it. */
    public static String shownHost(String host) {
        return host.equals("0.0.0.0") ? "localhost" : host;
    }

    /** A publication if the policy says one is due; the newest release either way. */
    public Publication publish() {
        return publish(null).release();
    }

    /**
     * One publication when due (or forced by {@code forcedBy}, logged): the release built from the
     * person records, then the API and the analysts switched to it. One at a time.
     */
    public Releases.Outcome publish(String forcedBy) {
        synchronized (publishing) {
            Releases.Outcome outcome = releases.publish(forcedBy);
            Publication p = outcome.release();
            if (latest.get() != null && latest.get().dir().equals(p.dir())) {
                return outcome;
            }
            // Both stores are loaded from the same release side by side (measured at 1M: no faster than one after the
            // other on 2 cores, about 15 s each; copying one built store would be the real saving).
            CompletableFuture<Void> api = CompletableFuture.runAsync(() -> release.switchTo(p));
            AnalystNeo4j a = startedAnalysts();
            if (a != null) {
                a.switchTo(p);
            }
            api.join();
            latest.set(p);
            return outcome;
        }
    }

    private void purgeAndPublish() {
        try {
            int purged = env.erasure()
                    .purge(env.settings().privacy().retentionMonths())
                    .size();
            if (purged > 0) {
                LOG.info(
                        "retention: purged {} record(s) older than {} months",
                        purged,
                        env.settings().privacy().retentionMonths());
            }
            publish();
        } catch (RuntimeException e) {
            LOG.error("retention purge or publication failed: {}", e.getMessage(), e);
        }
    }

    /**
     * The admin API's operations. An erasure or a purge removes the records at once; the published
     * figures follow at the next release the policy allows (publishing each one would show who left).
     */
    private Admin admin() {
        Path uploads = Folders.emptyOwnerOnly(env.settings().uploadsDir());
        return new Admin() {
            @Override
            public Path uploads() {
                return uploads;
            }

            @Override
            public List<Erasure.Receipt> erase(String source, List<String> ids) {
                return env.erasure().erase(source, ids, Erasure.Reason.ERASURE);
            }

            @Override
            public List<Erasure.Receipt> purge() {
                return env.erasure().purge(env.settings().privacy().retentionMonths());
            }

            @Override
            public Releases.Outcome publish(String forcedBy) {
                return Server.this.publish(forcedBy);
            }

            @Override
            public java.util.Map<String, Object> schedule() {
                return releases.schedule();
            }

            @Override
            public ImportReport importFile(Path file, boolean strict) {
                // Visible at the next publication (daily, or POST /api/admin/publish).
                return env.importer(Settings.IMPORT_BATCH).importFiles(List.of(file), strict, n -> {});
            }
        };
    }

    public int port() {
        return app.port();
    }

    public Publication publication() {
        return latest.get();
    }

    /** The analysts' instance once started (waits for it), or null when not served. */
    public AnalystNeo4j analysts() {
        return analysts == null ? null : analysts.join();
    }

    /** The analysts' instance once started, null when not served or when it could not start (logged then). */
    private AnalystNeo4j startedAnalysts() {
        try {
            return analysts == null ? null : analysts.join();
        } catch (java.util.concurrent.CompletionException failedToStart) {
            return null;
        }
    }

    /** The analysts' instance as it starts, or null when not served: what to print once it is there. */
    public CompletableFuture<AnalystNeo4j> analystsStarting() {
        return analysts;
    }

    public String analystPassword() {
        return analystPassword;
    }

    /** Stops the HTTP server, the schedule and the release stores; the environment (the database) is the caller's. */
    @Override
    public void close() {
        daily.shutdownNow();
        app.stop();
        AnalystNeo4j a = startedAnalysts();
        if (a != null) {
            a.close();
        }
        release.close();
    }

    /** One line per request, minimised ({@link fr.passerelle.api.AccessLog}). */
    public static java.nio.file.Path accessLogFile(java.nio.file.Path home) {
        return home.resolve("logs").resolve("access.log");
    }
}
