package fr.passerelle.cli;

import fr.passerelle.api.ApiServer;
import fr.passerelle.app.Environment;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Latency of every endpoint over real HTTP on a release of a loaded database, one request at a time
 * (warm), as {@code serve} answers (cached per release) and uncached (Cypher on the release store),
 * with the ratio to a plain in-memory lookup of the same answers; and the composed-route search
 * alone in memory.
 */
final class ApiBenchmark {
    private final Environment env;
    private final int requests;
    private final int warmup;
    private final HttpClient http = HttpClient.newHttpClient();

    private final List<String> only;

    ApiBenchmark(Environment env, int requests, int warmup, List<String> only) {
        this.env = env;
        this.requests = requests;
        this.warmup = warmup;
        this.only = only;
    }

    void run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        fr.passerelle.publish.ReleaseApi release = env.releaseApi();
        fr.passerelle.publish.Publication published = release.release();
        System.out.printf(
                "release of version %d built and served in %.1f s: %s%n",
                published.version(), (System.nanoTime() - t0) / 1e9, published.counts());
        Services services = env.services(release.database());
        // One institution key reading every establishment of the release: its routes are asked as their holders ask.
        List<String> establishments = services.institutions().list().stream()
                .filter(i -> i.get("people") != null)
                .map(i -> (String) i.get("uai"))
                .toList();
        fr.passerelle.api.ApiKeys keys =
                fr.passerelle.api.ApiKeys.load(env.settings().apiKeysFile());
        institutionKey = establishments.isEmpty()
                ? null
                : keys.create(
                        "bench-institutions-" + System.nanoTime(),
                        fr.passerelle.api.ApiKeys.Role.INSTITUTION,
                        0,
                        establishments,
                        java.time.Clock.systemUTC());
        // As serve runs it: answers cached per release (the same request, the same answer until the next release).
        Javalin served = ApiServer.create(
                        services,
                        new ApiServer.Options(List.of(), () -> published).withAccess(null, keys, false, 0),
                        new ArrayList<>())
                .start("127.0.0.1", 0);
        // Every question to the release store: what a first asker of each question waits for.
        Javalin uncached = ApiServer.create(
                        services, ApiServer.Options.defaults().withAccess(null, keys, false, 0), new ArrayList<>())
                .start("127.0.0.1", 0);
        try {
            RouteService routes = services.routes();
            List<String[]> pairs = routes.publishedPairs();
            List<String> steps = pairs.stream().map(p -> p[0]).distinct().toList();
            List<String> jobs = steps.stream()
                    .filter(x -> fr.passerelle.catalog.RomeCode.is(x))
                    .toList();
            List<String> starts = steps.stream()
                    .filter(x -> x.startsWith("BAC") || x.startsWith("CAP"))
                    .toList();
            List<String> regions = fr.passerelle.catalog.Regions.bundled().codes();
            // The education steps with target jobs: the fit's programmes.
            List<String> trained = fr.passerelle.catalog.Catalogue.bundled().steps().stream()
                    .filter(c -> !c.targets().isEmpty() && steps.contains(c.code()))
                    .map(fr.passerelle.catalog.CatalogueStep::code)
                    .sorted()
                    .toList();
            List<String> periods = List.of("2000-2004", "2005-2009", "2010-2014", "2015-2019");
            System.out.printf(
                    "released transitions: %d, steps with a released way out: %d%n", pairs.size(), steps.size());
            // An establishment's programmes, for its outcomes and next steps (a sample of the establishments).
            List<String[]> taught = new ArrayList<>();
            for (String uai : establishments.subList(0, Math.min(200, establishments.size()))) {
                services.institutions()
                        .programmes(uai)
                        .programmes()
                        .forEach(p -> taught.add(new String[] {uai, p.step().id()}));
            }
            System.out.printf(
                    "establishments with released people: %d; programmes of the first 200: %d%n",
                    establishments.size(), taught.size());
            List<Endpoint> all = new ArrayList<>(List.of(
                    new Endpoint(
                            "search",
                            r -> "/api/steps?q="
                                    + pick(List.of("bts", "infirm", "commerce", "licence", "developpement", "cap"), r)),
                    new Endpoint("step", r -> "/api/steps/" + pick(steps, r)),
                    new Endpoint("next", r -> "/api/steps/" + pick(steps, r) + "/next"),
                    new Endpoint("next?after=", r -> {
                        String[] p = pairs.get(r.nextInt(pairs.size()));
                        return "/api/steps/" + p[1] + "/next?after=" + p[0];
                    }),
                    new Endpoint(
                            "next?region=", r -> "/api/steps/" + pick(steps, r) + "/next?region=" + pick(regions, r)),
                    new Endpoint(
                            "next?period=", r -> "/api/steps/" + pick(steps, r) + "/next?period=" + pick(periods, r)),
                    new Endpoint("next?since=", r -> "/api/steps/" + pick(steps, r) + "/next?since=" + r.nextInt(150)),
                    new Endpoint("previous", r -> "/api/steps/" + pick(steps, r) + "/previous"),
                    new Endpoint(
                            "routes maxSteps=4",
                            r -> "/api/routes?from=" + pick(starts, r) + "&to=" + pick(jobs, r)
                                    + "&maxSteps=4&limit=5"),
                    new Endpoint(
                            "bridges",
                            r -> "/api/bridges?from=" + pick(jobs, r) + "&toDomain="
                                    + "CDEFGHIJKMN".charAt(r.nextInt(11))),
                    new Endpoint(
                            "reconversions",
                            r -> "/api/steps/" + pick(jobs, r) + "/reconversions?maxSteps=" + (1 + r.nextInt(4))),
                    new Endpoint("outcomes", r -> "/api/steps/" + pick(steps, r) + "/outcomes?months=6,12,24"),
                    new Endpoint("similar", r -> "/api/steps/" + pick(steps, r) + "/similar"),
                    new Endpoint(
                            "fit",
                            r -> "/api/steps/" + pick(trained, r) + "/fit?months="
                                    + pick(List.of("6", "12", "24", "36"), r)),
                    new Endpoint("fit/jobs", r -> "/api/steps/" + pick(trained, r) + "/fit/jobs?months=12"),
                    new Endpoint("market", r -> "/api/steps/" + pick(jobs, r) + "/market?region=" + pick(regions, r)),
                    new Endpoint(
                            "benchmark",
                            r -> "/api/steps/" + pick(trained, r) + "/benchmark?months=" + (r.nextBoolean() ? 12 : 24)),
                    new Endpoint(
                            "outcomes?region=",
                            r -> "/api/steps/" + pick(steps, r) + "/outcomes?months=12,24&region=" + pick(regions, r)),
                    new Endpoint("mobility", r -> "/api/steps/" + pick(steps, r) + "/mobility?months=12"),
                    new Endpoint("region", r -> "/api/regions/" + pick(regions, r)),
                    new Endpoint(
                            "region/flows",
                            r -> "/api/regions/" + pick(regions, r) + "/flows?level="
                                    + List.of(0, 3, 4, 5, 6, 7, 8).get(r.nextInt(7))),
                    new Endpoint(
                            "outcomes&by=cohort",
                            r -> "/api/steps/" + pick(trained, r) + "/outcomes?months=12&by=cohort&annotate=market"),
                    new Endpoint("next&annotate=market", r -> "/api/steps/" + pick(steps, r) + "/next?annotate=market"),
                    new Endpoint(
                            "fork",
                            r -> "/api/steps/" + pick(steps, r) + "/fork?months="
                                    + List.of(12, 24, 36).get(r.nextInt(3))),
                    new Endpoint(
                            "fork&since",
                            r -> "/api/steps/" + pick(steps, r) + "/fork?months="
                                    + List.of(12, 24, 36).get(r.nextInt(3)) + "&since="
                                    + List.of(0, 6, 12, 24, 36, 60, 120).get(r.nextInt(7))),
                    new Endpoint(
                            "reach",
                            r -> "/api/reach?from=" + pick(steps, r) + "&to="
                                    + (r.nextBoolean()
                                            ? pick(jobs, r)
                                            : String.valueOf("CDEFGHIJKMN".charAt(r.nextInt(11))))),
                    new Endpoint("reach?to=domain", r -> "/api/reach?from=" + pick(steps, r) + "&to=D"),
                    new Endpoint("counsel (POST)", r -> {
                        String[] p = pairs.get(r.nextInt(pairs.size()));
                        return "/api/counsel#{\"path\":[\"" + p[0] + "\",\"" + p[1] + "\"],\"monthsInCurrent\":"
                                + r.nextInt(40) + ",\"target\":\"" + pick(jobs, r) + "\"}";
                    })));
            if (!taught.isEmpty()) {
                all.add(new Endpoint(
                        "institution", r -> "/api/institutions/" + pick(establishments, r) + "/programmes"));
                all.add(new Endpoint("institution outcomes", r -> {
                    String[] t = taught.get(r.nextInt(taught.size()));
                    return "/api/institutions/" + t[0] + "/steps/" + t[1] + "/outcomes?months=6,12,24";
                }));
                all.add(new Endpoint("institution fit", r -> {
                    String[] t = taught.get(r.nextInt(taught.size()));
                    return "/api/institutions/" + t[0] + "/steps/" + t[1] + "/fit?months=12";
                }));
                all.add(new Endpoint("institution next", r -> {
                    String[] t = taught.get(r.nextInt(taught.size()));
                    return "/api/institutions/" + t[0] + "/steps/" + t[1] + "/next";
                }));
            }
            List<Endpoint> endpoints = only.isEmpty()
                    ? all
                    : all.stream()
                            .filter(e -> only.stream().anyMatch(o -> e.name().startsWith(o)))
                            .toList();
            System.out.printf(
                    "%-20s %32s   %32s   %s%n",
                    "",
                    "served (cached per release)",
                    "uncached (Cypher on the release)",
                    "ratio to an in-memory lookup (p50)");
            for (Endpoint e : endpoints) {
                Map<String, String> lookup = new HashMap<>();
                long[] servedNanos = measure(served, e, lookup);
                long[] uncachedNanos = measure(uncached, e, null);
                // The same answers from a plain map: the floor for serving a precomputed answer.
                List<String> urls = new ArrayList<>(lookup.keySet());
                SplittableRandom r = new SplittableRandom(11);
                long[] memory = new long[requests];
                long sink = 0;
                for (int warm = 0; warm < 3; warm++) {
                    for (int i = 0; i < requests; i++) {
                        String u = urls.get(r.nextInt(urls.size()));
                        long t = System.nanoTime();
                        sink += lookup.get(u).length();
                        memory[i] = System.nanoTime() - t;
                    }
                }
                System.out.printf(
                        "%-20s p50 %7.2f ms  p99 %7.2f ms   p50 %7.2f ms  p99 %7.2f ms   served %,.0fx, uncached %,.0fx%s%n",
                        e.name(),
                        at(servedNanos, 0.50),
                        at(servedNanos, 0.99),
                        at(uncachedNanos, 0.50),
                        at(uncachedNanos, 0.99),
                        at(servedNanos, 0.5) / Math.max(1e-6, at(memory, 0.5)),
                        at(uncachedNanos, 0.5) / Math.max(1e-6, at(memory, 0.5)),
                        sink < 0 ? "!" : "");
            }
            long[] memory = new long[requests];
            SplittableRandom random = new SplittableRandom(7);
            for (int warm = 0; warm < 2; warm++) {
                for (int i = 0; i < requests; i++) {
                    String from = pick(starts, random);
                    String to = pick(jobs, random);
                    long t = System.nanoTime();
                    routes.composedInMemory(from, to, 4, 5);
                    memory[i] = System.nanoTime() - t;
                }
            }
            report("composed search alone, in memory", memory);
        } finally {
            served.stop();
            uncached.stop();
            release.close();
        }
    }

    private record Endpoint(String name, java.util.function.Function<SplittableRandom, String> url) {}

    /** Warm-up, then {@code requests} timed calls one at a time; answers kept in {@code lookup} when given. */
    private long[] measure(Javalin app, Endpoint e, Map<String, String> lookup)
            throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + app.port();
        SplittableRandom r = new SplittableRandom(42);
        // Cypher, Bolt and the driver need thousands of calls before the JIT has compiled their paths.
        for (int i = 0; i < warmup; i++) {
            call(base + e.url().apply(r));
        }
        r = new SplittableRandom(42);
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            String path = e.url().apply(r);
            long t = System.nanoTime();
            String body = call(base + path);
            nanos[i] = System.nanoTime() - t;
            if (lookup != null) {
                lookup.put(path, body);
            }
        }
        return nanos;
    }

    private static String pick(List<String> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    /** The key of the establishments' routes (null: the release names none). */
    private String institutionKey;

    private String call(String url) throws IOException, InterruptedException {
        // "path#body": a POST of that JSON body (the counsellor's question), never cached by the server.
        int hash = url.indexOf('#');
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hash < 0 ? url : url.substring(0, hash)));
        if (hash >= 0) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(url.substring(hash + 1)));
        }
        if (institutionKey != null && url.contains("/api/institutions/")) {
            request.header("Authorization", "Bearer " + institutionKey);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%-20s n=%d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n",
                name,
                sorted.length,
                at(sorted, 0.50),
                at(sorted, 0.95),
                at(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
