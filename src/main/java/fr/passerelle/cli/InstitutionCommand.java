package fr.passerelle.cli;

import fr.passerelle.api.OpenEstablishments;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "institution",
        mixinStandardHelpOptions = true,
        description = {
            "An establishment's choice to publish its own figures (private to its key by default; stated in the"
                    + " register; a running server sees the change at the next request).",
            "institution open --uai 0490970N    anyone reads /api/institutions/0490970N/... without a key",
            "institution close --uai 0490970N   back to its key only",
            "institution list                   the establishments that publish, and since when"
        })
final class InstitutionCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "open, close or list")
    String action;

    @Option(names = "--uai", description = "open, close: the establishment's UAI code.")
    String uai;

    @Option(
            names = "--home",
            defaultValue = "${env:PASSERELLE_HOME:-var}",
            description = "Working directory (default: ${DEFAULT-VALUE}).")
    Path home;

    @Override
    public Integer call() {
        OpenEstablishments open = OpenEstablishments.beside(fr.passerelle.app.Settings.apiKeysFile(home));
        switch (action) {
            case "open" -> {
                require();
                boolean changed = open.open(uai, Clock.systemUTC());
                System.out.println(
                        changed
                                ? uai + ": its figures are now read by anyone at /api/institutions/" + uai + "/..."
                                        + " (stated in the register)"
                                : uai + " already publishes its figures");
            }
            case "close" -> {
                require();
                boolean changed = open.close(uai);
                System.out.println(
                        changed
                                ? uai + ": its figures are read with its own key only again"
                                : uai + " did not publish its figures: nothing to change");
            }
            case "list" -> {
                if (open.list().isEmpty()) {
                    System.out.println("no establishment publishes its figures (all private to their keys)");
                }
                open.list().forEach((code, since) -> System.out.println(code + "  since " + since));
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "': open, close or list");
        }
        return 0;
    }

    private void require() {
        if (uai == null || uai.isBlank()) {
            throw new IllegalArgumentException(action + " needs --uai CODE (the establishment's UAI, as 0490970N)");
        }
    }
}
