package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.lifecycle.KeyRotation;
import fr.passerelle.privacy.HmacKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "rotate-key",
        mixinStandardHelpOptions = true,
        description = {
            "Append a new secret to the key file and re-key every stored pseudonym (person records and the do-not-collect "
                    + "list) to it. Imports and erasures refuse while it runs; if interrupted, run it again to finish.",
            "Restart a running server afterwards: its writes refuse the old key."
        })
final class RotateKeyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        if (fr.passerelle.app.Settings.hmacSecret() != null
                && !fr.passerelle.app.Settings.hmacSecret().isBlank()) {
            throw new IllegalArgumentException(
                    "the key comes from " + HmacKey.ENV + ", which this command cannot rewrite: unset it and "
                            + "rotate with a key file (--key-file) holding the same secret, then store the file's lines in the variable, "
                            + "comma-separated, oldest first");
        }
        try (Environment env = Environment.open(options.settings())) {
            long t0 = System.nanoTime();
            KeyRotation.Result r = new KeyRotation(env.db(), fr.passerelle.app.Settings.REKEY_BATCH)
                    .rotate(env.key(), env.settings().keyFileOrDefault());
            System.out.printf(
                    "%s key %s -> %s: %d person records and %d do-not-collect entries re-keyed in %.1f s%n",
                    r.resumed() ? "finished the rotation from" : "rotated",
                    r.from(),
                    r.to(),
                    r.persons(),
                    r.tombstones(),
                    (System.nanoTime() - t0) / 1e9);
            System.out.println("The key file " + env.settings().keyFileOrDefault()
                    + " now holds the chain; keep it as secret as before.");
        }
        return 0;
    }
}
