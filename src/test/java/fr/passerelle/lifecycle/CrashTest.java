package fr.passerelle.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.app.Environment;
import fr.passerelle.app.Settings;
import fr.passerelle.demo.DemoGenerator;
import fr.passerelle.demo.TrajectoryFileWriter;
import fr.passerelle.files.Folders;
import fr.passerelle.privacy.HmacKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killed anywhere, nothing lost and nothing counted twice: each writing command runs as its own JVM
 * on a home, is sent SIGKILL at a seeded random moment, then is run again to the end; the person
 * layer (records, record keys, do-not-collect list), the key chain and the published release must
 * then be what one clean run gives. {@code -Dpasserelle.crash.points=N} sets the kill points per
 * command (2 in a normal test run: each costs two JVM starts).
 */
class CrashTest {
    private static final int POINTS = Integer.getInteger("passerelle.crash.points", 2);
    private static final int PEOPLE = 3000;

    @TempDir
    Path dir;

    /** Runs the command line in a child JVM on {@code home}; kills it after {@code killAfterMs} (0: let it finish). */
    static int run(Path home, long killAfterMs, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                "fr.passerelle.cli.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--home", home.toString(), "--bolt-port", "0", "--page-cache-mb", "32"));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolveSibling(home.getFileName() + ".log").toFile())
                .start();
        if (killAfterMs > 0 && !p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            p.waitFor();
            return -9;
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the command ends");
        return p.exitValue();
    }

    /** The person layer, the keys and the release of {@code home}, as comparable values (pseudonyms under {@code key}). */
    static Map<String, Object> digest(Path home) throws IOException {
        Map<String, Object> d = new TreeMap<>();
        try (Environment env = Environment.open(Settings.defaults(home).withBoltPort(0))) {
            d.put(
                    "persons",
                    new TreeSet<>(env.db()
                            .read(
                                    "test/snapshot-persons",
                                    Map.of(),
                                    r -> r.asMap().toString())));
            d.put(
                    "doNotCollect",
                    new TreeSet<>(env.db()
                            .read(
                                    "person/all-do-not-collect",
                                    Map.of(),
                                    r -> r.get("pid").asString() + " "
                                            + r.get("reason").asString())));
            d.put("people", env.people());
        }
        d.put("key", Files.readString(home.resolve("keys/hmac.key")));
        d.put("recordKey", Files.readString(home.resolve("keys/record.key")));
        Path published = home.resolve("published");
        TreeMap<String, String> release = new TreeMap<>();
        if (Files.isDirectory(published)) {
            try (var versions = Files.list(published)) {
                for (Path v : versions.sorted().toList()) {
                    assertTrue(
                            !v.getFileName().toString().endsWith(".building") || !Files.exists(v.resolve("COMPLETE")),
                            "no half-written release is marked complete: " + v);
                    if (fr.passerelle.publish.Publication.complete(v)) {
                        release.putAll(Fixtures.releaseTables(v));
                    }
                }
            }
        }
        d.put("release", release);
        return d;
    }

    /** A home holding the same keys as {@code keys} (so that pseudonyms and noise compare) and nothing else. */
    Path home(String name, Path keys) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("keys"));
        for (String f : List.of("hmac.key", "record.key")) {
            Files.copy(keys.resolve(f), home.resolve("keys").resolve(f));
        }
        return home;
    }

    @Test
    void aKilledImportErasureOrPublicationRunAgainEndsAsOneCleanRun() throws Exception {
        Path people = dir.resolve("people.jsonl");
        TrajectoryFileWriter.write(
                new DemoGenerator(fr.passerelle.catalog.Catalogue.bundled()).generate(PEOPLE, 7), people);
        Path erasures = dir.resolve("erase.csv");
        StringBuilder csv = new StringBuilder("source,id\n");
        for (int i = 0; i < 200; i++) {
            csv.append("demo,demo-").append(i * 7).append('\n');
        }
        Files.writeString(erasures, csv);
        // The keys every home shares, made once.
        Path keys = dir.resolve("keys");
        Files.createDirectories(keys);
        HmacKey.load(keys.resolve("hmac.key"), null, null);
        Files.writeString(
                keys.resolve("record.key"),
                Files.readString(keys.resolve("hmac.key")).replace('A', 'B'));

        // One clean run, timed: the kill points fall inside each command's own duration.
        Path clean = home("clean", keys);
        long[] took = new long[3];
        String[][] steps = {
            {"import", "--batch-size", "100", people.toString()}, {"erase", "--file", erasures.toString()}, {"publish"}
        };
        for (int s = 0; s < steps.length; s++) {
            long t0 = System.nanoTime();
            assertEquals(0, run(clean, 0, steps[s]), String.join(" ", steps[s]));
            took[s] = (System.nanoTime() - t0) / 1_000_000;
        }
        Map<String, Object> expected = digest(clean);
        assertTrue(
                ((Long) expected.get("people")) > PEOPLE - 250,
                expected.get("people").toString());

        SplittableRandom random = new SplittableRandom(13);
        int killed = 0;
        for (int point = 0; point < POINTS; point++) {
            Path home = home("killed-" + point, keys);
            for (int s = 0; s < steps.length; s++) {
                // Killed somewhere in the command's run (JVM start included), then run again to the end.
                long at = 300 + random.nextLong(Math.max(1, took[s]));
                if (run(home, at, steps[s]) == -9) {
                    killed++;
                }
                assertEquals(0, run(home, 0, steps[s]), "run again after the kill: " + String.join(" ", steps[s]));
            }
            assertEquals(expected, digest(home), "kill point " + point);
            Folders.deleteTree(home);
        }
        System.out.printf("crash test: %d kill points per command, %d runs killed before they ended%n", POINTS, killed);
        assertTrue(killed > 0, "at least one run was really killed");
    }
}
