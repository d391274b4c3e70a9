package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.app.Settings;
import fr.passerelle.lifecycle.Backup;
import fr.passerelle.lifecycle.DoNotCollectJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Bring a home with an empty person store to a backup's state, then apply again every erasure made since "
                    + "(the home's do-not-collect.jsonl and any --journal): a restore never brings back someone who asked to leave.",
            "A home without keys gets the backup's; a home whose key differs is refused."
        })
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "BACKUP", description = "The folder written by 'backup --out'.")
    Path backup;

    @Option(
            names = "--journal",
            description = "Another do-not-collect journal to apply (the old home's do-not-collect.jsonl).")
    List<Path> journals = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Settings settings = options.settings();
        Backup.manifest(backup);
        if (Settings.hmacSecret() == null && !Files.exists(settings.keyFileOrDefault())) {
            // A new home: the backup's secrets, so that its pseudonyms and record keys stay what they were.
            Backup.copySecret(backup.resolve("keys").resolve("hmac.key"), settings.keyFileOrDefault());
            Backup.copySecret(backup.resolve("keys").resolve("record.key"), settings.recordKeyFile());
            Backup.copySecret(backup.resolve("keys").resolve("api-keys.csv"), settings.apiKeysFile());
        }
        if (fr.passerelle.publish.Releases.newestState(settings.releaseStateDir())
                .isEmpty()) {
            // The values readers have seen go on from the backup's release: a restored home does not redraw them all.
            try (Stream<Path> kept = Files.list(backup.resolve("keys"))) {
                for (Path state : kept.filter(p -> p.getFileName().toString().endsWith(".state"))
                        .toList()) {
                    Backup.copySecret(state, settings.releaseStateDir().resolve(state.getFileName()));
                }
            }
        }
        List<DoNotCollectJournal.Entry> entries = new ArrayList<>(DoNotCollectJournal.read(settings.journalFile()));
        for (Path journal : journals) {
            entries.addAll(DoNotCollectJournal.read(journal));
        }
        try (Environment env = Environment.open(settings)) {
            long t0 = System.nanoTime();
            Backup.Restored r = Backup.restore(
                    env.db(),
                    backup,
                    env.key(),
                    entries,
                    fr.passerelle.publish.Publication.highestVersion(settings.publishedDir()),
                    env.erasure());
            System.out.printf(
                    "restored %d person records from %s (taken %s); %d erased again from %d journal entries; dataset version %d; %.1f s%n",
                    r.people(),
                    backup,
                    r.backup().createdAt(),
                    r.reErased(),
                    entries.size(),
                    r.version(),
                    (System.nanoTime() - t0) / 1e9);
        }
        return 0;
    }
}
