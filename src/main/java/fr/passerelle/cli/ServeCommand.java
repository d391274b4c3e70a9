package fr.passerelle.cli;

import fr.passerelle.analyst.AnalystNeo4j;
import fr.passerelle.api.Admin;
import fr.passerelle.api.ApiKeys;
import fr.passerelle.api.ApiServer;
import fr.passerelle.ingest.Erasure;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.ReleaseApi;
import fr.passerelle.recommend.Services;
import fr.passerelle.ingest.ImportReport;
import io.javalin.Javalin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP API (on the embedded database unless --neo4j-uri is given).")
final class ServeCommand implements Callable<Integer> {
    static volatile boolean SERVING;

    @Mixin
    CommonOptions options;

    @Option(names = "--port", defaultValue = "${env:PASSERELLE_PORT:-8080}", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:PASSERELLE_HOST:-127.0.0.1}", description = "HTTP interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--cors-origin", split = ",", defaultValue = "${env:PASSERELLE_CORS_ORIGINS}",
            description = "Origins allowed to call the API from a browser (comma-separated; * for any; default: none).")
    java.util.List<String> corsOrigins = new java.util.ArrayList<>();

    @Option(names = "--demo", description = "If the database holds nobody yet, generate and load the demo population first.")
    boolean demo;

    @Option(names = "--demo-people", defaultValue = "20000", description = "Size of that demo population (default: ${DEFAULT-VALUE}).")
    int demoPeople;

    @Option(names = "--analysts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also serve the release read-only to analysts with Neo4j Browser (embedded mode; "
                    + "default: on; --no-analysts turns it off).")
    boolean analysts;

    @Option(names = "--analyst-http-port", defaultValue = "${env:PASSERELLE_ANALYST_HTTP_PORT:-7474}",
            description = "Port of Neo4j Browser for analysts (default: ${DEFAULT-VALUE}).")
    int analystHttpPort;

    @Option(names = "--analyst-bolt-port", defaultValue = "${env:PASSERELLE_ANALYST_BOLT_PORT:-7688}",
            description = "Bolt port of the analysts' read-only Neo4j (default: ${DEFAULT-VALUE}).")
    int analystBoltPort;

    @Option(names = "--analyst-password", defaultValue = "${env:PASSERELLE_ANALYST_PASSWORD}",
            description = "Password of the 'analyst' account (default: generated once into <home>/keys/analyst.password, owner-only).")
    String analystPassword;

    @Option(names = "--require-reader-key", description = "Recommendations need a reader (or admin) key too (default: open; admin routes always need an admin key).")
    boolean requireReaderKey;

    @Option(names = "--rate-limit", defaultValue = "${env:PASSERELLE_RATE_LIMIT:-1200}",
            description = "Requests per minute per API key (per address for anonymous calls); 0 = no limit (default: ${DEFAULT-VALUE}).")
    int rateLimit;


    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        Environment env = Environment.open(options);
        if (demo && env.people() == 0) {
            System.out.println("Loading " + demoPeople + " demo people...");
            // An empty embedded store is filled by the bulk importer; an external one batch by batch.
            ImportReport report = env.isEmbedded() ? DemoCommand.rebuild(env, demoPeople, 42) : DemoCommand.load(env, demoPeople, 42);
            System.out.print(report.summary());
        }
        java.util.concurrent.atomic.AtomicReference<AnalystNeo4j> analystDb = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Publication> latest = new java.util.concurrent.atomic.AtomicReference<>();
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        String guideBase = "http://" + (shownHost.equals("127.0.0.1") ? "localhost" : shownHost) + ":" + port;
        String password = analysts && env.isEmbedded() ? (analystPassword != null && !analystPassword.isBlank() ? analystPassword
                : AnalystPassword.loadOrCreate(options.home.resolve("keys").resolve("analyst.password"))) : null;
        AnalystNeo4j.Settings analystSettings = password == null ? null : new AnalystNeo4j.Settings(options.home.resolve("analyst"), shownHost,
                analystBoltPort, analystHttpPort, password, 64L << 20, guideBase + "/guide/fr.html");
        // Every answer comes from the release: the API reads a Neo4j that holds it and nothing else, and
        // analysts another; both stores are loaded from the release side by side.
        long t0 = System.nanoTime();
        Publication first = env.publish();
        java.util.concurrent.CompletableFuture<ReleaseApi> apiStore = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> ReleaseApi.start(options.home.resolve("release-api"), 64L << 20, first));
        if (analystSettings != null) {
            analystDb.set(AnalystNeo4j.start(first, analystSettings));
        }
        ReleaseApi release = apiStore.join();
        latest.set(first);
        Services apiServices = env.services(release.database());
        // One publication: the release built from the person records, then the API and the analysts switched to it.
        java.util.function.Supplier<Publication> publish = () -> {
            synchronized (analystDb) {
                Publication p = env.publish();
                // The API's store and the analysts' are loaded from the same release side by side (measured at 1M: no faster than
                // one after the other on 2 cores, about 15 s each; copying one built store would be the real saving).
                java.util.concurrent.CompletableFuture<Void> api = java.util.concurrent.CompletableFuture.runAsync(() -> release.switchTo(p));
                if (analystDb.get() != null) {
                    analystDb.get().switchTo(p);
                }
                api.join();
                latest.set(p);
                return p;
            }
        };
        Admin admin = new Admin() {
            @Override
            public java.util.List<Erasure.Receipt> erase(String source, java.util.List<String> ids) {
                java.util.List<Erasure.Receipt> receipts = env.erasure().erase(source, ids, Erasure.Reason.ERASURE);
                // An erasure is published at once: the API and analysts stop showing the person now.
                publish.get();
                return receipts;
            }

            @Override
            public java.util.List<Erasure.Receipt> purge() {
                java.util.List<Erasure.Receipt> receipts = env.erasure().purge(options.retentionMonths);
                publish.get();
                return receipts;
            }

            @Override
            public Publication publish() {
                return publish.get();
            }

            @Override
            public ImportReport importFile(java.nio.file.Path file, boolean strict) {
                // Visible at the next publication (daily, or POST /api/admin/publish).
                return env.importer(2000).importFiles(java.util.List.of(file), strict, n -> { });
            }
        };
        System.out.printf("Published version %d%s in %.1f s.%n", first.version(),
                analystDb.get() == null ? " (API release store ready)" : " and started the API's and the analysts' release stores", (System.nanoTime() - t0) / 1e9);
        ApiServer.Options apiOptions = new ApiServer.Options(corsOrigins, latest::get)
                .withAccess(admin, ApiKeys.load(ApiKeyCommand.file(options.home)), requireReaderKey, rateLimit)
                .withOpposition(new fr.passerelle.collect.Opposition(env.erasure(), env.clock))
                .withContributions(new fr.passerelle.ingest.DirectContributions(env.db, env.importer(100), env.erasure(), env.clock));
        Javalin app = ApiServer.create(apiServices, apiOptions, new java.util.ArrayList<>()).start(host, port);
        String base = "http://" + shownHost + ":" + app.port();
        SERVING = true;
        // Retention is enforced by the server itself: once at start, then every day.
        java.util.concurrent.ScheduledExecutorService daily = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention-purge");
            t.setDaemon(true);
            return t;
        });
        daily.scheduleAtFixedRate(() -> {
            try {
                int purged = env.erasure().purge(options.retentionMonths).size();
                if (purged > 0) {
                    System.out.printf("retention: purged %d record(s) older than %d months%n", purged, options.retentionMonths);
                }
                // A new publication: what was imported, erased or purged since the last one shows at once.
                publish.get();
            } catch (RuntimeException e) {
                System.err.println("retention purge failed: " + e.getMessage());
            }
        }, 1, 1, java.util.concurrent.TimeUnit.DAYS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daily.shutdownNow();
            app.stop();
            if (analystDb.get() != null) {
                analystDb.get().close();
            }
            release.close();
            env.close();
        }));
        System.out.printf("%nPasserelle is ready in %.1f s on %s with %d people.%n", (System.nanoTime() - started) / 1e9, env.describe(), env.people());
        System.out.println("  Web page:    " + base + "/");
        System.out.println("  API health:  " + base + "/api/health");
        System.out.println("  Search:      " + base + "/api/steps?q=bts%20sio");
        System.out.println("  Where next:  " + base + "/api/steps/BTS-SIO-SLAM/next");
        System.out.println("  Routes:      " + base + "/api/routes?from=BAC-STMG&to=D1301");
        System.out.println("  API docs:    " + base + "/api/docs");
        if (analystDb.get() != null) {
            AnalystNeo4j a = analystDb.get();
            System.out.println("  Analysts (read-only, published layer only):");
            System.out.println("    Neo4j Browser: " + a.browserUrl());
            System.out.println("    Bolt:          " + a.boltUri() + "   user: " + AnalystNeo4j.USER + "   password: " + password);
            System.out.println("    Guide:         :guide " + guideBase + "/guide/fr.html   (English: /guide/en.html)");
        }
        System.out.println("Stop with Ctrl-C.");
        return 0;
    }
}
