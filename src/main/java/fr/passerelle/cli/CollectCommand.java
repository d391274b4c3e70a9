package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.collect.Collector;
import fr.passerelle.collect.PageFetcher;
import fr.passerelle.collect.ProfileParser;
import fr.passerelle.mapping.OfficialData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "collect",
        mixinStandardHelpOptions = true,
        description = {
            "Collect trajectories from public profile pages (schema.org Person in JSON-LD or microdata, h-resume, or a site "
                    + "profile's selectors), map titles to codes, and import them.",
            "Respectful: the do-not-collect list first, robots.txt, a delay per host, size/time/redirect limits, an honest user agent;"
                    + " noindex or private pages erase what was collected before. Only steps are kept."
        })
final class CollectCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    References references;

    static final class Input {
        @Option(names = "--urls", description = "A file of profile URLs, one per line.")
        Path urls;

        @Option(names = "--dir", description = "A folder of saved pages (*.html); each page's id is its canonical URL.")
        Path dir;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(
            names = "--site-profiles",
            description = "JSON file of per-site CSS selectors (see import/site-profiles.json).")
    Path siteProfiles;

    @Option(
            names = "--delay-ms",
            defaultValue = "2000",
            description = "Minimum time between two requests to one host (default: ${DEFAULT-VALUE}).")
    long delayMs;

    @Option(
            names = "--timeout-s",
            defaultValue = "10",
            description = "Time limit per page (default: ${DEFAULT-VALUE}).")
    long timeoutS;

    @Option(
            names = "--max-bytes",
            defaultValue = "2097152",
            description = "Size limit per page (default: ${DEFAULT-VALUE}).")
    int maxBytes;

    @Option(
            names = "--contact",
            defaultValue = "${env:PASSERELLE_CONTACT:-https://github.com/passerelle/passerelle#collecte}",
            description = "Where site owners learn about the crawler and how to object (in the user agent).")
    String contact;

    @Override
    public Integer call() throws Exception {
        try (Environment env = Environment.open(options.settings())) {
            OfficialData data = OfficialData.load(env.catalogue(), references.rome, references.diplomas);
            Catalogue wider = env.catalogue().with(data.steps(), "official references");
            PageFetcher.Settings defaults = PageFetcher.Settings.defaults(contact);
            PageFetcher fetcher = new PageFetcher(new PageFetcher.Settings(
                    defaults.userAgent(),
                    defaults.robotName(),
                    Duration.ofMillis(delayMs),
                    Duration.ofSeconds(timeoutS),
                    maxBytes,
                    defaults.maxRedirects()));
            List<ProfileParser.SiteProfile> profiles =
                    siteProfiles == null ? List.of() : ProfileParser.SiteProfile.load(siteProfiles);
            Collector collector = new Collector(
                    env.db(),
                    env.key(),
                    fetcher,
                    new ProfileParser(profiles),
                    data.matcher(wider, references.mappings, references.threshold),
                    env.importer(500, wider),
                    env.erasure());
            long t0 = System.nanoTime();
            Collector.Report report = input.urls != null
                    ? collector.collectUrls(Files.readAllLines(input.urls, StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.isBlank() && !l.startsWith("#"))
                            .toList())
                    : collector.collectDirectory(input.dir);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.print(report.summary());
            System.out.printf(
                    "%d pages in %.1f s (%.1f pages/s)%n",
                    report.pages, seconds, report.pages / Math.max(seconds, 1e-9));
        }
        return 0;
    }
}
