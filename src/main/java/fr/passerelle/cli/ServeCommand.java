package fr.passerelle.cli;

import fr.passerelle.analyst.AnalystNeo4j;
import fr.passerelle.app.Environment;
import fr.passerelle.app.Server;
import fr.passerelle.ingest.ImportReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the HTTP API (on the embedded database unless --neo4j-uri is given).")
final class ServeCommand implements Callable<Integer> {
    static volatile boolean SERVING;
    private static final long DEMO_SEED = 42;

    @Mixin
    CommonOptions options;

    @Option(
            names = "--port",
            defaultValue = "${env:PASSERELLE_PORT:-8080}",
            description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "${env:PASSERELLE_HOST:-127.0.0.1}",
            description = "HTTP interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--cors-origin",
            split = ",",
            defaultValue = "${env:PASSERELLE_CORS_ORIGINS}",
            description = "Origins allowed to call the API from a browser (comma-separated; * for any; default: none).")
    java.util.List<String> corsOrigins = new java.util.ArrayList<>();

    @Option(
            names = "--demo",
            description = "If the database holds nobody yet, generate and load the demo population first.")
    boolean demo;

    @Option(
            names = "--demo-people",
            defaultValue = "20000",
            description = "Size of that demo population (default: ${DEFAULT-VALUE}).")
    int demoPeople;

    @Option(
            names = "--demo-home",
            description = "With --demo: the demo home the build prepares (default: demo-home beside the jar), copied "
                    + "into a new home instead of building the demo there.")
    Path demoHome;

    @Option(
            names = "--analysts",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Also serve the release read-only to analysts with Neo4j Browser (embedded mode; "
                    + "default: on; --no-analysts turns it off).")
    boolean analysts;

    @Option(
            names = "--analyst-http-port",
            defaultValue = "${env:PASSERELLE_ANALYST_HTTP_PORT:-7474}",
            description = "Port of Neo4j Browser for analysts (default: ${DEFAULT-VALUE}).")
    int analystHttpPort;

    @Option(
            names = "--analyst-bolt-port",
            defaultValue = "${env:PASSERELLE_ANALYST_BOLT_PORT:-7688}",
            description = "Bolt port of the analysts' read-only Neo4j (default: ${DEFAULT-VALUE}).")
    int analystBoltPort;

    @Option(
            names = "--analyst-password",
            defaultValue = "${env:PASSERELLE_ANALYST_PASSWORD}",
            description =
                    "Password of the 'analyst' account (default: generated once into <home>/keys/analyst.password, owner-only).")
    String analystPassword;

    @Option(
            names = "--require-reader-key",
            description =
                    "Recommendations need a reader (or admin) key too (default: open; admin routes always need an admin key).")
    boolean requireReaderKey;

    @Option(
            names = "--rate-limit",
            defaultValue = "${env:PASSERELLE_RATE_LIMIT:-1200}",
            description =
                    "Requests per minute per API key (per address for anonymous calls); 0 = no limit (default: ${DEFAULT-VALUE}).")
    int rateLimit;

    @Option(
            names = "--release",
            description =
                    "Serve the API and the page from this folder of releases alone (a stateless replica: no database, "
                            + "no keys, no admin routes); the newest complete <version>/ is served and a newer one is taken when it appears.")
    java.nio.file.Path release;

    @Option(
            names = "--release-poll-seconds",
            defaultValue = "10",
            description =
                    "With --release: how often the folder is checked for a newer release (default: ${DEFAULT-VALUE}).")
    int releasePollSeconds;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        if (release != null) {
            return replica(started);
        }
        // A line at once: opening the store and publishing take seconds, and silence reads as a hang.
        System.out.println("Passerelle: opening the person store in "
                + options.settings().home().toAbsolutePath().normalize() + " ...");
        if (demo) {
            Path template = demoHome == null ? fr.passerelle.app.DemoHome.besideCode() : demoHome;
            java.util.Optional<String> notCopied =
                    fr.passerelle.app.DemoHome.copyIfNew(template, options.settings(), demoPeople, DEMO_SEED);
            if (notCopied.isEmpty()) {
                System.out.printf(
                        "Passerelle: new home copied from the demo home the build prepared (%s) in %.1f s; it makes"
                                + " its own keys and passwords.%n",
                        template, (System.nanoTime() - started) / 1e9);
            } else if (!notCopied.get().equals(fr.passerelle.app.DemoHome.NOT_NEW)) {
                System.out.println("Passerelle: the demo is built in this home (" + notCopied.get() + ").");
            }
        }
        Environment env = Environment.open(options.settings());
        System.out.printf("Passerelle: store open after %.1f s%n", (System.nanoTime() - started) / 1e9);
        Server server;
        try {
            if (demo && env.people() == 0) {
                System.out.println("Loading " + demoPeople + " demo people...");
                // An empty embedded store is filled by the bulk importer; an external one batch by batch.
                ImportReport report = env.isEmbedded()
                        ? DemoCommand.rebuild(env, demoPeople, DEMO_SEED)
                        : DemoCommand.load(env, demoPeople, DEMO_SEED);
                System.out.print(report.summary());
            }
            System.out.println("Passerelle: loading the newest release (published first if there is none) ...");
            server = Server.start(
                    env,
                    new Server.Options(
                            host,
                            port,
                            corsOrigins,
                            analysts,
                            analystHttpPort,
                            analystBoltPort,
                            analystPassword,
                            requireReaderKey,
                            rateLimit),
                    true);
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
        SERVING = true;
        String base = "http://" + Server.shownHost(host) + ":" + server.port();
        // The command line reads this to work beside the server rather than fail on a store in use.
        Path home = options.settings().home();
        // Written at once (the analysts' address is added when their store is up), so that no command opens the store.
        fr.passerelle.app.RunningServer running =
                new fr.passerelle.app.RunningServer(ProcessHandle.current().pid(), base, null, env.storeBolt());
        running.write(home);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.remove(home);
            server.close();
            env.close();
        }));
        System.out.printf(
                "%nPasserelle is ready in %.1f s on %s with %d people.%n",
                (System.nanoTime() - started) / 1e9, env.describe(), env.people());
        System.out.println("  Web page:    " + base + "/");
        System.out.println("  API health:  " + base + "/api/health");
        System.out.println("  Search:      " + base + "/api/steps?q=infirmi%C3%A8re   (names: "
                + env.searchTitles().source() + ")");
        System.out.println("  Where next:  " + base + "/api/steps/BTS-SIO-SLAM/next");
        System.out.println("  Routes:      " + base + "/api/routes?from=BAC-STMG&to=D1301");
        System.out.println("  API docs:    " + base + "/api/docs");
        System.out.println("  Territories: " + base + "/territoires/11   (observatories' page, one region at a time)");
        System.out.println("Stop with Ctrl-C.");
        java.util.concurrent.CompletableFuture<AnalystNeo4j> starting = server.analystsStarting();
        if (starting != null) {
            System.out.println("  Analysts (read-only, published layer only): their Neo4j is loading the release ...");
            String guide = Server.guideBase(host, server.port());
            starting.whenComplete((a, failed) -> {
                if (failed != null) {
                    System.out.println("  Analysts: their Neo4j could not start (" + rootMessage(failed)
                            + "); the API and the page keep running.");
                    return;
                }
                new fr.passerelle.app.RunningServer(ProcessHandle.current().pid(), base, a.boltUri(), env.storeBolt())
                        .write(home);
                System.out.printf(
                        "  Analysts ready after %.1f s (read-only, published layer only):%n",
                        (System.nanoTime() - started) / 1e9);
                System.out.println("    Neo4j Browser: " + a.browserUrl());
                System.out.println("    Bolt:          " + a.boltUri() + "   user: " + AnalystNeo4j.USER
                        + "   password: " + server.analystPassword());
                System.out.println("    Guide:         :guide " + guide + "/guide/fr.html   (English: /guide/en.html)");
            });
        }
        return 0;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** A stateless replica: the release folder is all it reads; its release instances in the temporary folder. */
    private int replica(long started) {
        fr.passerelle.app.Settings settings = options.settings();
        fr.passerelle.app.Replica replica = fr.passerelle.app.Replica.start(new fr.passerelle.app.Replica.Options(
                release,
                host,
                port,
                corsOrigins,
                rateLimit,
                java.time.Duration.ofSeconds(Math.max(1, releasePollSeconds)),
                settings.register("held by the writer, not this replica")));
        SERVING = true;
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close));
        String base = "http://" + Server.shownHost(host) + ":" + replica.port();
        System.out.printf(
                "%nPasserelle replica is ready in %.1f s, serving release %d from %s (checked every %d s for a newer one).%n",
                (System.nanoTime() - started) / 1e9,
                replica.publication().version(),
                release,
                Math.max(1, releasePollSeconds));
        System.out.println("  Web page:    " + base + "/");
        System.out.println("  API health:  " + base + "/api/health");
        System.out.println("Stop with Ctrl-C.");
        return 0;
    }
}
