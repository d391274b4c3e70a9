package fr.passerelle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line as a user runs it: a child JVM on a home, its output appended to {@code <home>.log}
 * beside the home (a process test sees exit codes and what was printed, never in-process state).
 */
public final class ChildCommand {
    private ChildCommand() {}

    /** Runs the command line in a child JVM on {@code home}; kills it after {@code killAfterMs} (0: let it finish). */
    public static int run(Path home, long killAfterMs, String... args) throws Exception {
        Process p = start(home, args);
        if (killAfterMs > 0 && !p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            p.waitFor();
            return -9;
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the command ends");
        return p.exitValue();
    }

    public static Process start(Path home, String... args) throws IOException {
        return java(home, "fr.passerelle.cli.Main", args, true);
    }

    /** A child JVM running {@code mainClass} of the test class path (for a stand-in process). */
    public static Process java(Path home, String mainClass, String[] args, boolean onHome) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                // Short runs: the first JIT tier and one GC thread start faster on two cores.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        if (onHome) {
            command.addAll(List.of("--home", home.toString(), "--bolt-port", "0", "--page-cache-mb", "32"));
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolveSibling(home.getFileName() + ".log").toFile()))
                .start();
    }
}
