package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.lifecycle.Erasure;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "purge",
        mixinStandardHelpOptions = true,
        description = "Erase every record last collected more than --retention-months ago (serve also does it daily).")
final class PurgeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        try (Environment env = Environment.open(options.settings())) {
            List<Erasure.Receipt> receipts = env.erasure().purge(options.retentionMonths);
            System.out.printf(
                    "purged %d record(s) collected more than %d months ago%n",
                    receipts.size(), options.retentionMonths);
        }
        return 0;
    }
}
