package fr.passerelle.cli;

import fr.passerelle.api.ApiServer;
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
        Javalin app = ApiServer.create(env.services(), new ApiServer.Options(corsOrigins), new java.util.ArrayList<>()).start(host, port);
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
            } catch (RuntimeException e) {
                System.err.println("retention purge failed: " + e.getMessage());
            }
        }, 0, 1, java.util.concurrent.TimeUnit.DAYS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daily.shutdownNow();
            app.stop();
            env.close();
        }));
        String base = "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + app.port();
        System.out.printf("%nPasserelle is ready in %.1f s on %s with %d people.%n", (System.nanoTime() - started) / 1e9, env.describe(), env.people());
        System.out.println("  Web page:    " + base + "/");
        System.out.println("  API health:  " + base + "/api/health");
        System.out.println("  Search:      " + base + "/api/steps?q=bts%20sio");
        System.out.println("  Where next:  " + base + "/api/steps/BTS-SIO-SLAM/next");
        System.out.println("  Routes:      " + base + "/api/routes?from=BAC-STMG&to=D1301");
        System.out.println("  API docs:    " + base + "/api/docs");
        System.out.println("Stop with Ctrl-C.");
        return 0;
    }
}
