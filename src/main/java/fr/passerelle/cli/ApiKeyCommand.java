package fr.passerelle.cli;

import fr.passerelle.api.ApiKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "apikey",
        mixinStandardHelpOptions = true,
        description = {
            "Manage API keys (stored hashed in <home>/keys/api-keys.csv; a running server sees changes at once).",
            "apikey create --name app1 --role reader   prints the key, once",
            "apikey create --name lycee-x --role institution --institution 0490970N   an establishment's own figures",
            "apikey list | apikey revoke --name app1"
        })
final class ApiKeyCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "create, list or revoke")
    String action;

    @Option(names = "--name", description = "The key's name (who holds it).")
    String name;

    @Option(
            names = "--role",
            defaultValue = "reader",
            description =
                    "reader (recommendations), institution (also its establishments' private figures: give --institution)"
                            + " or admin (also import, erase, purge, publish).")
    String role;

    @Option(
            names = "--institution",
            split = ",",
            description = "create, institution keys: the establishment's UAI code (repeat or separate with commas).")
    java.util.List<String> institutions = new java.util.ArrayList<>();

    @Option(
            names = "--rate-limit",
            defaultValue = "0",
            description =
                    "create: this key's own limit in requests per minute (0: the server's --rate-limit; default: ${DEFAULT-VALUE}).")
    int rateLimit;

    @Option(
            names = "--home",
            defaultValue = "${env:PASSERELLE_HOME:-var}",
            description = "Working directory (default: ${DEFAULT-VALUE}).")
    Path home;

    @Override
    public Integer call() {
        ApiKeys keys = ApiKeys.load(fr.passerelle.app.Settings.apiKeysFile(home));
        switch (action) {
            case "create" -> {
                require("create");
                ApiKeys.Role r;
                try {
                    r = ApiKeys.Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "--role: 'reader', 'institution' or 'admin', not '" + role + "'");
                }
                java.util.List<String> uais = new java.util.ArrayList<>();
                for (String given : institutions) {
                    uais.add(fr.passerelle.catalog.Uai.normalise(given)
                            .orElseThrow(() -> new IllegalArgumentException("--institution: '" + given
                                    + "' is not a UAI (seven digits and its check letter, as 0490970N)")));
                }
                if ((r == ApiKeys.Role.INSTITUTION) != !uais.isEmpty()) {
                    throw new IllegalArgumentException(
                            r == ApiKeys.Role.INSTITUTION
                                    ? "--role institution needs --institution UAI (one or more)"
                                    : "--institution goes with --role institution only");
                }
                if (rateLimit < 0) {
                    throw new IllegalArgumentException(
                            "--rate-limit: 0 (the server's) or more requests per minute, got " + rateLimit);
                }
                String key = keys.create(name, r, rateLimit, uais, Clock.systemUTC());
                System.out.println(key);
                System.err.println("Key '" + name + "' (" + r.name().toLowerCase(java.util.Locale.ROOT)
                        + ") created. It is shown this once; send it as " + "'Authorization: Bearer <key>'.");
            }
            case "list" ->
                keys.list()
                        .forEach(k -> System.out.printf(
                                "%s\t%s\t%s\t%s%s%n",
                                k.name(),
                                k.role().name().toLowerCase(java.util.Locale.ROOT),
                                k.created(),
                                k.perMinute() == 0 ? "server limit" : k.perMinute() + "/min",
                                k.institutions().isEmpty() ? "" : "\t" + String.join(" ", k.institutions())));
            case "revoke" -> {
                require("revoke");
                if (!keys.revoke(name)) {
                    System.err.println("no key named '" + name + "'");
                    return 1;
                }
                System.err.println("revoked '" + name + "'");
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "': create, list or revoke");
        }
        return 0;
    }

    private void require(String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " needs --name");
        }
    }
}
