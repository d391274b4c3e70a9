package fr.passerelle.cli;

import fr.passerelle.api.ApiServer;
import fr.passerelle.recommend.RouteService;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Latency of the API over real HTTP on a loaded database, one request at a time (warm), reported as
 * percentiles; and the composed-route search alone in memory, the lower bound for {@code /api/routes}.
 */
final class ApiBenchmark {
    private final Environment env;
    private final int requests;
    private final int warmup;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiBenchmark(Environment env, int requests, int warmup) {
        this.env = env;
        this.requests = requests;
        this.warmup = warmup;
    }

    void run() throws IOException, InterruptedException {
        fr.passerelle.publish.ReleaseApi release = env.releaseApi();
        Services services = env.services(release.database());
        Javalin app = ApiServer.create(services).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + app.port();
            RouteService routes = services.routes();
            List<String[]> pairs = routes.publishedPairs();
            List<String> steps = pairs.stream().map(p -> p[0]).distinct().toList();
            List<String> jobs = steps.stream().filter(s -> s.matches("[A-N]\\d{4}")).toList();
            List<String> starts = steps.stream().filter(s -> s.startsWith("BAC") || s.startsWith("CAP")).toList();
            SplittableRandom random = new SplittableRandom(7);
            System.out.printf("published transitions: %d, steps with a published way out: %d%n", pairs.size(), steps.size());

            measure("next", () -> base + "/api/steps/" + pick(steps, random) + "/next");
            measure("next?after=", () -> {
                String[] p = pairs.get(random.nextInt(pairs.size()));
                return base + "/api/steps/" + p[1] + "/next?after=" + p[0];
            });
            measure("routes maxSteps=4", () -> base + "/api/routes?from=" + pick(starts, random) + "&to=" + pick(jobs, random) + "&maxSteps=4&limit=5");
            measure("bridges", () -> base + "/api/bridges?from=" + pick(jobs, random) + "&toDomain=" + "CDEFGHIJKMN".charAt(random.nextInt(11)));

            long[] memory = new long[requests];
            for (int warm = 0; warm < 2; warm++) {
                for (int i = 0; i < requests; i++) {
                    String from = pick(starts, random);
                    String to = pick(jobs, random);
                    long t = System.nanoTime();
                    routes.composedInMemory(from, to, 4, 5);
                    memory[i] = System.nanoTime() - t;
                }
            }
            report("composed in memory", memory);
        } finally {
            app.stop();
            release.close();
        }
    }

    private static String pick(List<String> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    private void measure(String name, Supplier<String> url) throws IOException, InterruptedException {
        // Cypher, Bolt and the driver need thousands of calls before the JIT has compiled their paths.
        for (int i = 0; i < warmup; i++) {
            call(url.get());
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            String u = url.get();
            long t = System.nanoTime();
            call(u);
            nanos[i] = System.nanoTime() - t;
        }
        report(name, nanos);
    }

    private void call(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-20s n=%d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", name, sorted.length,
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
