package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.app.Settings;
import fr.passerelle.lifecycle.Backup;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Write a consistent copy of the person layer (records, do-not-collect list, consents) and its secrets "
                    + "(key chain, record key, API keys) into a new folder, owner-only.",
            "While serve runs, reach its database over Bolt: backup --neo4j-uri bolt://127.0.0.1:7687 --neo4j-user neo4j "
                    + "--neo4j-password \"$(cat var/keys/neo4j.password)\" --out DIR"
        })
final class BackupCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--out", required = true, description = "The backup folder to create (must not exist).")
    Path out;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        try (Environment env = Environment.open(settings)) {
            long t0 = System.nanoTime();
            Backup.Manifest m = Backup.write(env.db(), env.key().keyId(), out, secrets(settings), env.clock());
            System.out.printf(
                    "backed up %d person records, %d do-not-collect entries and %d consents (version %d, key %s) into %s in %.1f s%n",
                    m.people(),
                    m.doNotCollect(),
                    m.consents(),
                    m.version(),
                    m.keyId(),
                    out,
                    (System.nanoTime() - t0) / 1e9);
            System.out.println("It holds the keys: keep it as secret as "
                    + settings.keyFileOrDefault().getParent() + ".");
        }
        return 0;
    }

    /** The keys, and the true counts behind the newest release's stable values (exact counts: as secret as the keys). */
    private static List<Path> secrets(Settings settings) {
        List<Path> secrets = new java.util.ArrayList<>(
                List.of(settings.keyFileOrDefault(), settings.recordKeyFile(), settings.apiKeysFile()));
        fr.passerelle.publish.Releases.newestState(settings.releaseStateDir()).ifPresent(secrets::add);
        return secrets;
    }
}
