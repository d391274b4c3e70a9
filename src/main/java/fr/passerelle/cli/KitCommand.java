package fr.passerelle.cli;

import fr.passerelle.app.RunningServer;
import fr.passerelle.app.Settings;
import fr.passerelle.kit.Kit;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.recommend.SearchTitles;
import fr.passerelle.recommend.Services;
import fr.passerelle.recommend.StepNotFoundException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "kit",
        mixinStandardHelpOptions = true,
        description = {
            "Write the trainers' offline kit: a folder to copy to a USB key and open from file:// with no network and"
                    + " no server (session plans, the privacy lab, the notice, an A4 handout and SVG figures per step).",
            "Example: kit --out /media/usb/passerelle --steps BTS-MCO --steps D1214"
        })
final class KitCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--out", required = true, description = "The folder to write (absent or empty).")
    Path out;

    @Option(
            names = "--steps",
            split = ",",
            description = "Steps to hand out besides the session plans' own (codes, as in /api/steps).")
    List<String> steps = List.of();

    @Override
    public Integer call() throws Exception {
        Settings settings = options.settings();
        Kit.Written written = NewestRelease.read(settings, RunningServer.on(settings.home()), (release, which) -> {
            Services services = Services.over(
                    release,
                    Thresholds.defaults(),
                    java.time.Clock.systemUTC(),
                    // The pseudonym key stays with the server; the kit's notice names no key.
                    settings.register("held by the server, not in the kit"),
                    SearchTitles::standard);
            try {
                Kit.Written w = new Kit(services).write(out, steps);
                System.err.printf(
                        "kit written to %s from release %d (%s): %d step handout(s), %d figure(s), %d file(s);"
                                + " open %s%n",
                        out,
                        w.release(),
                        which,
                        w.steps().size(),
                        w.figures().size(),
                        w.files(),
                        out.resolve("index.html").toUri());
                return w;
            } catch (StepNotFoundException e) {
                throw new IllegalArgumentException("--steps " + e.getMessage() + "; close matches: "
                        + e.closeMatches().stream()
                                .map(r -> r.id() + " (" + r.label() + ")")
                                .collect(Collectors.joining(", ")));
            }
        });
        return written == null ? 1 : 0;
    }
}
