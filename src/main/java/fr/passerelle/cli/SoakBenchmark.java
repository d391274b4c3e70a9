package fr.passerelle.cli;

import fr.passerelle.api.ApiKeys;
import fr.passerelle.app.Environment;
import fr.passerelle.app.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code bench soak}: the real serve wiring ({@link Server}) on the loaded population, driven for a
 * set time by 16 clients on loopback with the mix of requests an orientation app sends, while an
 * erasure followed by a forced release arrives every few minutes. Per minute: answers by status,
 * p50/p99 latency, and the process's RSS (server and clients share this JVM).
 */
final class SoakBenchmark {
    private static final int CLIENTS = 16;
    private final Environment env;
    private final int minutes;
    private final int eraseEveryMinutes;

    SoakBenchmark(Environment env, int minutes, int eraseEveryMinutes) {
        this.env = env;
        this.minutes = minutes;
        this.eraseEveryMinutes = eraseEveryMinutes;
    }

    /** One kind of request and its weight in the mix. */
    private record Kind(String name, int weight, Function<SplittableRandom, String> path) {}

    private static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    void run() throws Exception {
        String adminKey =
                ApiKeys.load(env.settings().apiKeysFile()).create("soak", ApiKeys.Role.ADMIN, Clock.systemUTC());
        try (Server server =
                Server.start(env, new Server.Options("127.0.0.1", 0, List.of(), false, 0, 0, null, false, 0))) {
            String base = "http://127.0.0.1:" + server.port();
            List<String> steps = List.of(
                    "BTS-MCO",
                    "BTS-SIO-SLAM",
                    "BAC-STMG",
                    "BAC-PRO-MCV",
                    "BAC-STI2D",
                    "LIC-INFO",
                    "BUT-GEA",
                    "D1301",
                    "M1805",
                    "J1501",
                    "DE-INFIRMIER",
                    "D1505",
                    "BTS-CG",
                    "CAP-EPC",
                    "M1607",
                    "K2111");
            List<String> jobs = List.of("D1301", "M1805", "J1501", "D1505", "M1607", "K2111", "M1203", "D1502");
            List<Kind> mix = List.of(
                    new Kind(
                            "search",
                            20,
                            r -> "/api/steps?q=" + pick(List.of("bts", "infirm", "commerce", "licence", "cap"), r)),
                    new Kind("step", 10, r -> "/api/steps/" + pick(steps, r)),
                    new Kind("next", 30, r -> "/api/steps/" + pick(steps, r) + "/next"),
                    new Kind(
                            "next?after",
                            10,
                            r -> "/api/steps/BTS-MCO/next?after=" + pick(List.of("BAC-STMG", "BAC-PRO-MCV"), r)),
                    new Kind("next?since", 5, r -> "/api/steps/" + pick(steps, r) + "/next?since=" + r.nextInt(150)),
                    new Kind("previous", 5, r -> "/api/steps/" + pick(steps, r) + "/previous"),
                    new Kind(
                            "routes",
                            10,
                            r -> "/api/routes?from=" + pick(List.of("BAC-STMG", "BAC-PRO-MCV", "BAC-STI2D"), r) + "&to="
                                    + pick(jobs, r)),
                    new Kind("outcomes", 5, r -> "/api/steps/" + pick(steps, r) + "/outcomes"),
                    new Kind(
                            "bridges",
                            3,
                            r -> "/api/bridges?from=" + pick(jobs, r) + "&toDomain=" + "DJKM".charAt(r.nextInt(4))),
                    new Kind("reconversions", 2, r -> "/api/steps/" + pick(jobs, r) + "/reconversions"));
            int total = mix.stream().mapToInt(Kind::weight).sum();
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long start = System.nanoTime();
            long end = start + Duration.ofMinutes(minutes).toNanos();
            // Per minute: latencies (microseconds) and answers by status.
            List<List<Long>> latencies = new ArrayList<>();
            List<Map<Integer, AtomicLong>> statuses = new ArrayList<>();
            for (int m = 0; m < minutes; m++) {
                latencies.add(java.util.Collections.synchronizedList(new ArrayList<>()));
                statuses.add(new ConcurrentHashMap<>());
            }
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                SplittableRandom r = new SplittableRandom(c);
                Thread t = new Thread(
                        () -> {
                            while (System.nanoTime() < end) {
                                int x = r.nextInt(total);
                                Kind kind = mix.get(0);
                                for (Kind k : mix) {
                                    if (x < k.weight()) {
                                        kind = k;
                                        break;
                                    }
                                    x -= k.weight();
                                }
                                long t0 = System.nanoTime();
                                int status;
                                try {
                                    status = http.send(
                                                    HttpRequest.newBuilder(URI.create(base
                                                                    + kind.path()
                                                                            .apply(r)))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode();
                                } catch (Exception e) {
                                    status = -1; // no answer at all
                                }
                                long t1 = System.nanoTime();
                                int minute = (int) Math.min(minutes - 1, (t0 - start) / 60_000_000_000L);
                                latencies.get(minute).add((t1 - t0) / 1000);
                                statuses.get(minute)
                                        .computeIfAbsent(status, s -> new AtomicLong())
                                        .incrementAndGet();
                            }
                        },
                        "soak-client-" + c);
                t.start();
                clients.add(t);
            }
            long[] rss = new long[minutes];
            List<String> events = new ArrayList<>();
            for (int m = 0; m < minutes; m++) {
                long minuteEnd = start + Duration.ofMinutes(m + 1).toNanos();
                if (eraseEveryMinutes > 0 && m % eraseEveryMinutes == eraseEveryMinutes - 1) {
                    // An erasure, then a forced release (the policy alone would wait for 50 changes): the stores switch
                    // while the clients keep asking.
                    long t0 = System.nanoTime();
                    HttpResponse<String> erased = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/admin/erase"))
                                    .header("Authorization", "Bearer " + adminKey)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"source\": \"demo\", \"ids\": [\"demo-" + (m * 13) + "\"]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    HttpResponse<String> published = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/admin/publish?force=true"))
                                    .header("Authorization", "Bearer " + adminKey)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    events.add(String.format(
                            "minute %d: erasure %d, forced release %d, published version %d in %.1f s",
                            m + 1,
                            erased.statusCode(),
                            published.statusCode(),
                            server.publication().version(),
                            (System.nanoTime() - t0) / 1e9));
                }
                long wait = (minuteEnd - System.nanoTime()) / 1_000_000;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                rss[m] = BenchCommand.procStatusMib("VmRSS");
            }
            for (Thread t : clients) {
                t.join();
            }
            System.out.printf("soak: %d clients, %d minutes, %d people%n", CLIENTS, minutes, env.people());
            System.out.printf(
                    "%-7s %9s %9s %9s %26s %8s%n", "minute", "answers", "p50 ms", "p99 ms", "by status", "RSS MiB");
            long fiveHundreds = 0;
            long failed = 0;
            for (int m = 0; m < minutes; m++) {
                long[] sorted = latencies.get(m).stream()
                        .mapToLong(Long::longValue)
                        .sorted()
                        .toArray();
                Map<Integer, Long> byStatus = new TreeMap<>();
                statuses.get(m).forEach((s, n) -> byStatus.put(s, n.get()));
                for (Map.Entry<Integer, Long> e : byStatus.entrySet()) {
                    fiveHundreds += e.getKey() >= 500 ? e.getValue() : 0;
                    failed += e.getKey() < 0 ? e.getValue() : 0;
                }
                System.out.printf(
                        "%-7d %9d %9.2f %9.2f %26s %8d%n",
                        m + 1,
                        sorted.length,
                        percentile(sorted, 0.5) / 1000.0,
                        percentile(sorted, 0.99) / 1000.0,
                        byStatus,
                        rss[m]);
            }
            events.forEach(System.out::println);
            System.out.printf(
                    "5xx answers: %d; requests with no answer: %d; RSS minute 1 -> %d: %d -> %d MiB (%+.1f %%)%n",
                    fiveHundreds,
                    failed,
                    minutes,
                    rss[0],
                    rss[minutes - 1],
                    100.0 * (rss[minutes - 1] - rss[0]) / Math.max(1, rss[0]));
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
