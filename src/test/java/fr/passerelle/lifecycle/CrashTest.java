package fr.passerelle.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.api.ApiKeys;
import fr.passerelle.app.Environment;
import fr.passerelle.app.Settings;
import fr.passerelle.demo.DemoGenerator;
import fr.passerelle.demo.TrajectoryFileWriter;
import fr.passerelle.files.Folders;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.privacy.HmacKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killed anywhere, nothing lost and nothing counted twice: each writing command runs as its own JVM
 * on a home, is sent SIGKILL at a seeded random moment, then is run again to the end (in the test
 * JVM: recovery is the command's code reading what the kill left on disk); the person
 * layer (records, record keys, do-not-collect list), the key chain and the published release must
 * then be what one clean run gives. The commands: a bulk rebuild, a transactional import, a
 * retention purge, an erasure, a publication, a key rotation; and a server taking admin traffic
 * (import, erasure, purge), killed, that must come up again by itself.
 *
 * <p>{@code -Dpasserelle.crash.points=N} sets the kill points per command: 1 in a normal test run,
 * 20 for the benchmark in the README (every command then). A normal run kills
 * {@code -Dpasserelle.crash.commands} (1) of the seven commands, drawn with a printed seed
 * ({@code -Dpasserelle.crash.seed} replays one); each kill starts from a copy of the clean home
 * taken just before that command, so it costs two command runs. Of the two tests, a normal run
 * keeps one, drawn from the same seed (the other is reported skipped, with the seed);
 * {@code -Dpasserelle.crash.all=true} runs both.
 */
class CrashTest {
    private static final int POINTS = Integer.getInteger("passerelle.crash.points", 1);
    private static final long SEED = Long.getLong("passerelle.crash.seed", System.currentTimeMillis());
    /**
     * A normal test run (one point) runs one of the two parts, commands or server, drawn from the seed;
     * the benchmark (POINTS > 1) and {@code -Dpasserelle.crash.all=true} run both.
     */
    private static final boolean BOTH = POINTS > 1 || Boolean.getBoolean("passerelle.crash.all");

    private static final boolean SERVER_PART = new java.util.Random(SEED ^ 0x5EEDL).nextBoolean();

    /** Commands killed in one normal test run (of seven), drawn at random; every one when POINTS > 1. */
    private static final int COMMANDS = Integer.getInteger("passerelle.crash.commands", 1);

    private static final int PEOPLE = 2000;

    @TempDir
    Path dir;

    Path people;
    Path more;
    Path erasures;
    Path keys;

    /** The input every home sees, and the keys every home shares (so that pseudonyms and noise compare). */
    @BeforeEach
    void inputs() throws IOException {
        List<RawTrajectory> all = new ArrayList<>();
        new DemoGenerator(fr.passerelle.catalog.Catalogue.bundled())
                .generate(PEOPLE + 300, 7)
                .forEach(all::add);
        people = dir.resolve("people.jsonl");
        TrajectoryFileWriter.write(all.subList(0, PEOPLE), people);
        // New people, and people already there (unchanged: a re-import must not count them twice).
        more = dir.resolve("more.jsonl");
        TrajectoryFileWriter.write(all.subList(PEOPLE - 300, PEOPLE + 300), more);
        erasures = dir.resolve("erase.csv");
        StringBuilder csv = new StringBuilder("source,id\n");
        for (int i = 0; i < 150; i++) {
            csv.append("demo,demo-").append(i * 7).append('\n');
        }
        Files.writeString(erasures, csv);
        keys = dir.resolve("keys");
        Files.createDirectories(keys);
        HmacKey.load(keys.resolve("hmac.key"), null, null);
        Files.writeString(
                keys.resolve("record.key"),
                Files.readString(keys.resolve("hmac.key")).replace('A', 'B'));
    }

    /** Runs the command line in this JVM on {@code home}, with the options a child gets: its exit code. */
    static int runHere(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString(), "--bolt-port", "0", "--page-cache-mb", "32"));
        return new picocli.CommandLine(new fr.passerelle.cli.Main()).execute(all.toArray(String[]::new));
    }

    static int run(Path home, long killAfterMs, String... args) throws Exception {
        return fr.passerelle.ChildCommand.run(home, killAfterMs, args);
    }

    static Process start(Path home, String... args) throws IOException {
        return fr.passerelle.ChildCommand.start(home, args);
    }

    /**
     * The person layer, the keys and the newest complete release of {@code home}, as comparable
     * values; pseudonyms are the keys of the person and do-not-collect maps.
     */
    static Map<String, Object> digest(Path home) throws IOException {
        Map<String, Object> d = new TreeMap<>();
        try (Environment env = Environment.open(Settings.defaults(home).withBoltPort(0))) {
            TreeMap<String, String> persons = new TreeMap<>();
            env.db().read("test/snapshot-persons", Map.of(), r -> {
                Map<String, Object> rest = new TreeMap<>(r.asMap());
                persons.put((String) rest.remove("pid"), rest.toString());
                return null;
            });
            d.put("persons", persons);
            TreeMap<String, String> doNotCollect = new TreeMap<>();
            env.db()
                    .read(
                            "person/all-do-not-collect",
                            Map.of(),
                            r -> doNotCollect.put(
                                    r.get("pid").asString(), r.get("reason").asString()));
            d.put("doNotCollect", doNotCollect);
            d.put("people", env.people());
        }
        d.put("key", Files.readString(home.resolve("keys/hmac.key")));
        d.put("recordKey", Files.readString(home.resolve("keys/record.key")));
        Path published = home.resolve("published");
        Path newest = null;
        if (Files.isDirectory(published)) {
            try (var versions = Files.list(published)) {
                for (Path v : versions.toList()) {
                    String name = v.getFileName().toString();
                    assertTrue(
                            !name.endsWith(".building") || !Files.exists(v.resolve("COMPLETE")),
                            "no half-written release is marked complete: " + v);
                    if (fr.passerelle.publish.Publication.complete(v)
                            && (newest == null
                                    || Long.parseLong(name)
                                            > Long.parseLong(
                                                    newest.getFileName().toString()))) {
                        newest = v;
                    }
                }
            }
        }
        d.put("release", newest == null ? Map.of() : Fixtures.releaseTables(newest));
        return d;
    }

    /**
     * {@code before} as it must read once every pseudonym has been re-keyed to the newest secret of
     * {@code home}'s key chain, however many rotations ran (a rotation run again after it finished
     * starts another one: the chain then holds one more secret, and the pseudonyms follow it).
     */
    Map<String, Object> rekeyed(Map<String, Object> before, Path home) throws IOException {
        HmacKey original = HmacKey.load(keys.resolve("hmac.key"), null, null);
        HmacKey chain = HmacKey.load(home.resolve("keys/hmac.key"), null, null);
        assertTrue(
                Files.readString(home.resolve("keys/hmac.key")).startsWith(Files.readString(keys.resolve("hmac.key"))),
                "the chain keeps the old secrets first");
        Map<String, Object> after = new TreeMap<>(before);
        for (String layer : List.of("persons", "doNotCollect")) {
            @SuppressWarnings("unchecked")
            Map<String, String> byPid = (Map<String, String>) before.get(layer);
            TreeMap<String, String> moved = new TreeMap<>();
            byPid.forEach((pid, rest) -> moved.put(chain.rekey(pid, original.keyId()), rest));
            after.put(layer, moved);
        }
        after.put("key", Files.readString(home.resolve("keys/hmac.key")));
        return after;
    }

    /** The end of a home's log, for a failure message (the temporary folder goes with the test). */
    static String tail(Path home) throws IOException {
        List<String> lines = Files.readAllLines(home.resolveSibling(home.getFileName() + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** A home holding the shared keys and nothing else. */
    Path home(String name) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("keys"));
        for (String f : List.of("hmac.key", "record.key")) {
            Files.copy(keys.resolve(f), home.resolve("keys").resolve(f));
        }
        return home;
    }

    /** Records last collected long ago, so that the retention purge has people to erase (the same in every home). */
    static void age(Path home, int count) {
        try (Environment env = Environment.open(Settings.defaults(home).withBoltPort(0))) {
            env.db().writeOne("test/age-persons", Map.of("count", count, "collectedAt", "2020-01-15"));
        }
    }

    @Test
    void aKilledCommandRunAgainEndsAsOneCleanRun() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                BOTH || !SERVER_PART,
                "this run (seed " + SEED + ") kills the server; -Dpasserelle.crash.all=true for both");
        String[][] steps = {
            {"import", "--rebuild", people.toString()},
            {"import", "--batch-size", "100", more.toString()},
            {"purge", "--retention-months", "24"},
            {"erase", "--file", erasures.toString()},
            {"publish"},
            {"rotate-key"},
            {"publish"}
        };
        int purge = 2;
        int rotation = 5;
        // Which commands are killed in this run: all of them for the benchmark, else COMMANDS drawn at random
        // (the seed is printed, so a failure can be replayed with -Dpasserelle.crash.seed).
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < steps.length; s++) {
            order.add(s);
        }
        java.util.Collections.shuffle(order, new java.util.Random(SEED));
        java.util.TreeSet<Integer> chosen =
                new java.util.TreeSet<>(order.subList(0, POINTS > 1 ? steps.length : Math.min(COMMANDS, steps.length)));
        System.out.printf("crash test: seed %d, commands killed this run %s%n", SEED, chosen);
        // One clean run, timed: the kill points fall inside each command's own duration. Before each chosen
        // command the home is copied (a stopped store), after it its digest is taken: each kill starts from that
        // copy and must end at that digest, so a kill costs two command runs, not the whole sequence.
        Path clean = home("clean");
        long[] took = new long[steps.length];
        Map<Integer, Map<String, Object>> after = new TreeMap<>();
        Map<String, Object> beforeRotation = null;
        // The clean run goes as far as the last command killed (the whole sequence when the last is among them).
        int last = chosen.last();
        for (int s = 0; s <= last; s++) {
            if (s == purge) {
                age(clean, 120);
            }
            if (s == rotation) {
                beforeRotation = digest(clean);
            }
            if (chosen.contains(s)) {
                copy(clean, dir.resolve("before-" + s));
            }
            long t0 = System.nanoTime();
            // A command that will be killed runs as its kill will, in a child JVM, so that its time (where the
            // kill points fall) is a child's; the others only prepare the state, in this JVM (no JVM start).
            assertEquals(
                    0,
                    chosen.contains(s) ? run(clean, 0, steps[s]) : runHere(clean, steps[s]),
                    String.join(" ", steps[s]));
            took[s] = (System.nanoTime() - t0) / 1_000_000;
            if (chosen.contains(s)) {
                after.put(s, digest(clean));
            }
        }
        System.out.printf("crash test: clean run, ms per command %s%n", java.util.Arrays.toString(took));
        if (beforeRotation != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> cleanPersons = (Map<String, String>) beforeRotation.get("persons");
            // 2,300 people read, 120 of them expired and 150 erased (a few are both).
            assertTrue(cleanPersons.size() <= PEOPLE + 300 - 200, "purged and erased: " + cleanPersons.size());
        }
        if (last == steps.length - 1) {
            assertEquals(after.get(last).get("release"), beforeRotation.get("release"), "a rotation changes no number");
        }

        SplittableRandom random = new SplittableRandom(SEED);
        int[] killed = new int[steps.length];
        for (int point = 0; point < POINTS; point++) {
            for (int s : chosen) {
                // With one kill point a run may finish before its kill lands (a warm cache): then that run is
                // checked too, and the kill is drawn again within the first half, then the first quarter.
                for (int attempt = 0; attempt < (POINTS > 1 ? 1 : 3); attempt++) {
                    Path home = dir.resolve("killed-" + point + "-" + s + "-" + attempt);
                    copy(dir.resolve("before-" + s), home);
                    // Killed somewhere in the command's run (JVM start included), then run again to the end.
                    long at = 300 + random.nextLong(Math.max(1, took[s] >> attempt));
                    boolean wasKilled = run(home, at, steps[s]) == -9;
                    if (wasKilled) {
                        killed[s]++;
                    }
                    // Run again in this JVM: what recovers is the command's own code on what the kill left on
                    // disk, the same in any process (only the killed run needs one of its own).
                    assertEquals(
                            0,
                            runHere(home, steps[s]),
                            "run again after the kill at " + at + " ms: " + String.join(" ", steps[s]) + "\n"
                                    + tail(home));
                    Map<String, Object> expected = after.get(s);
                    if (s == rotation) {
                        // A rotation killed after it finished and run again rotates once more: compare through the
                        // chain.
                        expected = rekeyed(beforeRotation, home);
                        expected.put("release", after.get(s).get("release"));
                    }
                    assertEquals(expected, digest(home), "kill point " + point + ", " + String.join(" ", steps[s]));
                    Folders.deleteTree(home);
                    if (wasKilled) {
                        break;
                    }
                }
            }
            System.out.printf("kill point %d: commands %s killed and run again, digests equal%n", point, chosen);
        }
        System.out.printf(
                "crash test: %d kill points per command; runs killed before they ended, per command: %s%n",
                POINTS, java.util.Arrays.toString(killed));
        assertTrue(java.util.Arrays.stream(killed).sum() > 0, "at least one run was really killed");
    }

    /** A copy of a home whose store is stopped (every command has ended): the same records, keys and releases. */
    static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Test
    void aServerKilledDuringAdminTrafficComesBackByItselfAndEndsAsOneCleanRun() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                BOTH || SERVER_PART,
                "this run (seed " + SEED + ") kills commands; -Dpasserelle.crash.all=true for both");
        String body = Files.readString(more);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add("\"demo-" + i * 7 + "\"");
        }
        String erase = "{\"source\": \"demo\", \"ids\": [" + String.join(",", ids) + "]}";

        Path prepared = prepared("serve-prepared");
        Path clean = dir.resolve("serve-clean");
        copy(prepared, clean);
        // The first server to be killed starts in its own JVM (the slow part: a cold JVM, its store and its release)
        // while the clean run goes on here: it needs the clean run's timing only once its traffic starts.
        Path firstHome = dir.resolve("serve-killed-0");
        copy(prepared, firstHome);
        Server firstServer = Server.launch(firstHome);
        java.util.concurrent.CompletableFuture<Server> firstUp =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return firstServer.awaitUp(firstHome);
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
        Server server;
        Map<String, Object> expected;
        try {
            // The clean run in this JVM (the same Environment and Server as serve builds; no JVM start to pay): only
            // the killed server needs a process of its own.
            server = Server.inThisJvm(clean, body, erase);
            expected = digest(clean);
            assertTrue(
                    ((Long) expected.get("people")) < PEOPLE + 300 - 150,
                    expected.get("people").toString());
        } catch (Throwable failed) {
            // A serve process must not outlive the test that started it.
            firstServer.kill();
            throw failed;
        }

        SplittableRandom random = new SplittableRandom(SEED);
        int killed = 0;
        for (int point = 0; point < POINTS; point++) {
            // The same prepared home, copied (a rebuild per server would cost a JVM and a Neo4j start).
            Path home = dir.resolve("serve-killed-" + point);
            Server first;
            if (point == 0) {
                first = firstUp.join();
            } else {
                copy(prepared, home);
                first = Server.start(home);
            }
            long t0 = System.nanoTime();
            // Killed somewhere inside the admin traffic: an import, an erasure and its publication, a purge
            // (the same calls may run faster this time: a kill after they ended is a kill of an idle server).
            long at = random.nextLong(Math.max(1, server.trafficMs * 9 / 10));
            if (first.traffic(body, erase, at)) {
                killed++;
            }
            first.kill();
            // Up again in this JVM, as serve builds it: recovery is the server's code on what the kill left on disk.
            Server.inThisJvm(home, body, erase);
            assertEquals(expected, digest(home), "kill point " + point + " at " + at + " ms");
            System.out.printf(
                    "serve kill point %d: killed at %d ms of %d ms of traffic, up again and done in %.1f s%n",
                    point, at, server.trafficMs, (System.nanoTime() - t0) / 1e9);
            Folders.deleteTree(home);
        }
        System.out.printf("serve crash test: %d of %d servers killed before their traffic ended%n", killed, POINTS);
        // With one point, a noisy machine may finish the calls before the kill; over many points, some must land.
        assertTrue(killed > 0 || POINTS < 5, "servers killed before their traffic ended: " + killed);
    }

    /**
     * A home with the first people bulk-loaded and published, as a server's home is: each server started on a copy
     * (the clean one, the killed child, the one that recovers) loads that release instead of publishing a first one,
     * which in the child's cold JVM cost seconds of CI before the traffic the kill falls in.
     */
    Path prepared(String name) throws Exception {
        Path home = home(name);
        assertEquals(0, runHere(home, "import", "--rebuild", people.toString()));
        age(home, 120);
        assertEquals(0, runHere(home, "publish"));
        return home;
    }

    /** A server ({@code serve} as a child process, or the same server in this JVM) and an operator's admin calls. */
    static final class Server {
        final Process process;
        final String base;
        final String adminKey;
        final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long trafficMs;

        private Server(Process process, String base, String adminKey) {
            this.process = process;
            this.base = base;
            this.adminKey = adminKey;
        }

        static Server start(Path home) throws Exception {
            return launch(home).awaitUp(home);
        }

        /** {@code serve} on {@code home} in a child JVM, started but not yet answering. */
        static Server launch(Path home) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String adminKey = adminKey(home);
            Process p = CrashTest.start(home, "serve", "--no-analysts", "--port", Integer.toString(port));
            return new Server(p, "http://127.0.0.1:" + port, adminKey);
        }

        /** This server once it answers its health check (killed, and an error, after 3 minutes without). */
        Server awaitUp(Path home) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                assertTrue(process.isAlive(), "the server keeps running at start (see " + home + ".log)");
                try {
                    if (http.send(
                                            HttpRequest.newBuilder(URI.create(base + "/api/health"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return this;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            process.destroyForcibly();
            throw new AssertionError("the server did not come up within 3 minutes (see " + home + ".log)");
        }

        /** Serves {@code home} in this JVM as serve does, sends the operator's calls to the end, and stops. */
        static Server inThisJvm(Path home, String jsonLines, String erase) throws Exception {
            String adminKey = adminKey(home);
            try (Environment env = Environment.open(Settings.defaults(home).withBoltPort(0));
                    fr.passerelle.app.Server app = fr.passerelle.app.Server.start(
                            env,
                            new fr.passerelle.app.Server.Options(
                                    "127.0.0.1", 0, List.of(), false, 0, 0, null, false, 0))) {
                Server server = new Server(null, "http://127.0.0.1:" + app.port(), adminKey);
                server.traffic(jsonLines, erase, Long.MAX_VALUE);
                return server;
            }
        }

        /** A new admin key "ops" for {@code home}'s server. */
        static String adminKey(Path home) {
            ApiKeys keys = ApiKeys.load(Settings.apiKeysFile(home));
            keys.revoke("ops");
            return keys.create("ops", ApiKeys.Role.ADMIN, java.time.Clock.systemUTC());
        }

        /**
         * The operator's calls, each of which must succeed; with {@code killAtMs} the process is
         * killed that long after the first call. Returns whether it was killed before they ended.
         */
        boolean traffic(String jsonLines, String erase, long killAtMs) throws Exception {
            long t0 = System.nanoTime();
            Thread killer = null;
            if (killAtMs != Long.MAX_VALUE) {
                killer = new Thread(() -> {
                    try {
                        Thread.sleep(killAtMs);
                        process.destroyForcibly();
                    } catch (InterruptedException stop) {
                        // the traffic ended first
                    }
                });
                killer.start();
            }
            try {
                call("/api/admin/import?strict=true", "application/x-ndjson", jsonLines);
                call("/api/admin/erase", "application/json", erase);
                call("/api/admin/purge", "application/json", "{}");
                call("/api/admin/publish", "application/json", "{}");
                trafficMs = (System.nanoTime() - t0) / 1_000_000;
                return false;
            } catch (IOException dropped) {
                assertTrue(killer != null, "a connection is dropped only when the server is killed: " + dropped);
                process.waitFor();
                return true;
            } finally {
                if (killer != null) {
                    killer.interrupt();
                    killer.join();
                }
            }
        }

        private void call(String path, String type, String body) throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + adminKey)
                            .header("Content-Type", type)
                            .timeout(Duration.ofMinutes(3))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path + ": " + r.body());
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
