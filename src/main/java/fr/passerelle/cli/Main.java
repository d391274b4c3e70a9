package fr.passerelle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar target/passerelle.jar <command>}. */
@Command(
        name = "passerelle",
        mixinStandardHelpOptions = true,
        version = "Passerelle 0.1.0",
        description = "Privacy-first pathway recommendations over a Neo4j graph of anonymised trajectories.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            EvalCommand.class,
            EraseCommand.class,
            PurgeCommand.class,
            PublishCommand.class,
            ExportCommand.class,
            KitCommand.class,
            ApiKeyCommand.class,
            InstitutionCommand.class,
            CollectCommand.class,
            CatalogCommand.class,
            RotateKeyCommand.class,
            PrivacyCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        // Neo4j ships its own SLF4J provider; ours (logback) must win so the API's logs reach stderr.
        System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        int code = new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof fr.passerelle.app.RunningServer.Busy busy) {
                        cmd.getErr().println("error: " + busy.getMessage() + ".");
                        String advice = busy.server().advice(cmd.getCommandName(), busy.home());
                        cmd.getErr()
                                .println(
                                        advice != null
                                                ? advice
                                                : "Stop it first (kill "
                                                        + busy.server().pid() + "), then run the command again.");
                        return 1;
                    }
                    cmd.getErr().println("error: " + e.getMessage());
                    if (System.getenv("PASSERELLE_DEBUG") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 1;
                })
                .execute(args);
        if (code != 0 || !ServeCommand.SERVING) {
            System.exit(code);
        }
    }
}
