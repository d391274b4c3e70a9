package fr.passerelle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.ChildCommand;
import fr.passerelle.Fixtures;
import fr.passerelle.app.Environment;
import fr.passerelle.app.RunningServer;
import fr.passerelle.app.Server;
import fr.passerelle.app.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a home whose server runs, as processes: read-only commands read the release
 * the server serves (no store, no second publication) and say which; writing commands stop with one
 * sentence and the command that does it through the server; an unknown step is an error with close
 * matches. The server runs in this JVM; {@code server.json} names a living stand-in process, since a
 * reader ignores a file naming its own process (a killed server's number reused).
 */
class BesideServerTest {
    /** A stand-in for the server's process: alive until killed. */
    public static final class StandIn {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(600_000);
        }
    }

    @Test
    void readOnlyCommandsReadTheServedReleaseAndWritingOnesSayWhatWorks(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Settings settings = Settings.defaults(home).withBoltPort(0);
        List<String> lines = new ArrayList<>(Fixtures.people(
                "a", 30, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09", "job:D1301:2020-09"));
        lines.addAll(Fixtures.people(
                "b", 14, "education:BAC-STMG:2016-09", "education:BTS-MCO:2018-09", "job:D1502:2020-09"));
        Files.createDirectories(home);
        try (Environment env = Environment.open(settings)) {
            env.importer(100).importFiles(List.of(Fixtures.write(dir, "people.jsonl", lines)), false, n -> {});
            try (Server server =
                    Server.start(env, new Server.Options("127.0.0.1", 0, List.of(), true, 0, 0, null, false, 0))) {
                Process standIn = ChildCommand.java(home, StandIn.class.getName(), new String[0], false);
                try {
                    new RunningServer(
                                    standIn.pid(),
                                    "http://127.0.0.1:" + server.port(),
                                    server.analysts().boltUri(),
                                    env.storeBolt())
                            .write(home);
                    long version = server.publication().version();

                    long t0 = System.nanoTime();
                    assertEquals(
                            0,
                            ChildCommand.run(
                                    home,
                                    0,
                                    "export",
                                    "--query",
                                    "biggest-flows-from",
                                    "--param",
                                    "step=BTS-MCO",
                                    "--out",
                                    dir.resolve("flows.csv").toString()),
                            log(dir));
                    long exportMs = (System.nanoTime() - t0) / 1_000_000;
                    assertTrue(log(dir).contains("on release " + version + " (served by the running server"), log(dir));
                    assertTrue(Files.readString(dir.resolve("flows.csv")).contains("Management de magasin de détail"));
                    System.out.printf("export beside the server: %d ms (JVM start included)%n", exportMs);

                    assertEquals(
                            1,
                            ChildCommand.run(
                                    home, 0, "export", "--query", "biggest-flows-from", "--param", "step=BTS-MCOO"));
                    assertTrue(
                            log(dir).contains("--param step=BTS-MCOO: unknown step; close matches: BTS-MCO"), log(dir));

                    assertEquals(1, ChildCommand.run(home, 0, "publish"));
                    assertTrue(log(dir).contains("a Passerelle server is running on this home"), log(dir));
                    assertTrue(log(dir).contains("/api/admin/publish"), log(dir));
                    assertEquals(version, server.publication().version(), "nothing published beside the server");
                    assertEquals(
                            1,
                            ChildCommand.run(
                                    home,
                                    0,
                                    "backup",
                                    "--out",
                                    dir.resolve("backup").toString()));
                    assertTrue(log(dir).contains("backup --neo4j-uri " + env.storeBolt()), log(dir));

                    assertEquals(
                            0,
                            ChildCommand.run(
                                    home,
                                    0,
                                    "privacy",
                                    "pia",
                                    "--out",
                                    dir.resolve("pia.json").toString()));
                    assertTrue(Files.size(dir.resolve("pia.json")) > 1000);
                } finally {
                    standIn.destroyForcibly().waitFor();
                }
                // The server gone (its process dead, its file left): export reads the newest release on disk, no store.
                assertEquals(
                        0,
                        ChildCommand.run(
                                home, 0, "export", "--query", "biggest-flows-from", "--param", "step=BTS-MCO"));
                assertTrue(log(dir).contains("(newest on disk)"), log(dir));
            }
        }
    }

    private static String log(Path dir) throws java.io.IOException {
        Path log = dir.resolve("home.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
