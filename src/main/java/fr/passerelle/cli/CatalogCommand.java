package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.StepKind;
import fr.passerelle.mapping.OfficialData;
import fr.passerelle.mapping.TitleMatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = "Official references: load them as steps, check title coverage.",
        subcommands = {
            CatalogCommand.Load.class,
            CatalogCommand.Check.class,
            CatalogCommand.Targets.class,
            CatalogCommand.Market.class
        })
final class CatalogCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(
            name = "load",
            mixinStandardHelpOptions = true,
            description =
                    "Create or update Step nodes for every ROME job code and RNCP certification (official labels, ROME domain "
                            + "and field, diploma level), and write the merged catalogue with --out for later imports (--catalogue).")
    static final class Load implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Mixin
        References references;

        @Option(
                names = "--out",
                description = "Write the merged catalogue (project steps + official codes) to this CSV.")
        Path out;

        @Override
        public Integer call() {
            if (references.rome == null && references.diplomas == null) {
                throw new IllegalArgumentException(
                        "give --rome and/or --diplomas (folders of the official open-data files)");
            }
            try (Environment env = Environment.open(options.settings())) {
                OfficialData data = OfficialData.load(env.catalogue(), references.rome, references.diplomas);
                Catalogue merged = env.catalogue().with(data.steps(), "official references");
                env.importer(1, merged);
                System.out.printf(
                        "%d steps now: %d from the project's catalogue, %d official codes (ROME jobs, RNCP certifications)%n",
                        merged.size(),
                        env.catalogue().size(),
                        merged.size() - env.catalogue().size());
                if (out != null) {
                    merged.write(out);
                    System.out.println("merged catalogue written to " + out + " (use it with --catalogue " + out + ")");
                }
            }
            return 0;
        }
    }

    @Command(
            name = "targets",
            mixinStandardHelpOptions = true,
            description =
                    "Refresh the target jobs of education steps (the catalogue's targets and targets_source columns) from "
                            + "Certif Info's formation_rome.csv and France Compétences' rncp_rome*.csv, for the certifications "
                            + "named in its certifications column; prints what did not join.")
    static final class Targets implements Callable<Integer> {
        @Option(
                names = "--catalogue",
                required = true,
                description = "The catalogue CSV to read (import/catalogue.csv for the project's own).")
        Path catalogue;

        @Option(
                names = "--diplomas",
                defaultValue = "${env:PASSERELLE_DIPLOMAS_DIR}",
                required = true,
                description = "Folder with formation_rome.csv and rncp_rome*.csv (../shared/data/diplomas).")
        Path diplomas;

        @Option(names = "--out", description = "Where to write the refreshed catalogue (default: over --catalogue).")
        Path out;

        @Override
        public Integer call() {
            Path target = out == null ? catalogue : out;
            fr.passerelle.catalog.TargetJobsRefresh.Report report =
                    fr.passerelle.catalog.TargetJobsRefresh.refresh(catalogue, diplomas, target);
            System.out.printf(
                    "%d steps name a certification; %d target lists refreshed; written to %s%n",
                    report.certified(), report.refreshed(), target);
            report.problems().forEach(p -> System.out.println("  not joined: " + p));
            return report.problems().isEmpty() ? 0 : 1;
        }
    }

    @Command(
            name = "market",
            mixinStandardHelpOptions = true,
            description =
                    "Report on the labour-market files a publication ships (DARES / France Travail tensions through the FAP 225 "
                            + "crosswalk, France Travail occupations): for the catalogue's jobs, which get a national tension, "
                            + "regional tensions and a median salary, and which did not join and why. Exit 1 when a job did not join.")
    static final class Market implements Callable<Integer> {
        @Option(
                names = "--market",
                defaultValue = "${env:PASSERELLE_MARKET_DIR}",
                description = "Folder with tensions.csv, fap225_rome.csv and occupations_fr.csv (default: "
                        + "PASSERELLE_MARKET_DIR, else ../shared/data/market).")
        Path market;

        @Option(
                names = "--catalogue",
                description = "The catalogue CSV whose jobs to check (default: the bundled one).")
        Path catalogue;

        @Override
        public Integer call() {
            Path dir = market != null ? market : fr.passerelle.market.MarketNotes.folder();
            if (dir == null || !Files.isRegularFile(dir.resolve("tensions.csv"))) {
                throw new IllegalArgumentException("no tensions.csv and fap225_rome.csv in "
                        + (dir == null ? "PASSERELLE_MARKET_DIR or ../shared/data/market" : dir)
                        + ": give --market with the folder of the DARES / France Travail files");
            }
            fr.passerelle.market.MarketNotes notes = fr.passerelle.market.MarketNotes.load(dir);
            Catalogue c = catalogue == null ? Catalogue.bundled() : Catalogue.load(catalogue);
            int jobs = 0;
            int national = 0;
            int regional = 0;
            int salary = 0;
            java.util.List<String> problems = new java.util.ArrayList<>();
            for (fr.passerelle.catalog.CatalogueStep step : c.steps()) {
                if (step.kind() != StepKind.JOB || !fr.passerelle.catalog.RomeCode.is(step.code())) {
                    continue;
                }
                jobs++;
                Map<String, fr.passerelle.market.MarketNotes.Note> byGeo =
                        notes.notes().getOrDefault(step.code(), Map.of());
                fr.passerelle.market.MarketNotes.Note n = byGeo.get(fr.passerelle.market.MarketNotes.NATIONAL);
                if (n != null && n.tensionCategory() != null) {
                    national++;
                } else {
                    problems.add(step.code() + " (" + step.label() + "): "
                            + (n == null ? "no note" : n.crosswalk() == null ? "no national tension" : n.crosswalk()));
                }
                if (byGeo.size() > 1) {
                    regional++;
                }
                if (n != null && n.medianAnnualSalary() != null) {
                    salary++;
                }
            }
            System.out.printf(
                    "market files in %s: %d catalogue jobs; %d with a national tension, %d with regional tensions, %d with "
                            + "a median salary%n",
                    dir, jobs, national, regional, salary);
            notes.sources()
                    .forEach(src -> System.out.printf(
                            "  source: %s (%s, %s %s)%n", src.file(), src.what(), src.producer(), src.year()));
            problems.forEach(p -> System.out.println("  not joined: " + p));
            return problems.isEmpty() ? 0 : 1;
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description =
                    "Coverage report: map each title of a file (one per line; 'job<TAB>title' or 'education<TAB>title' to give the kind) "
                            + "and print the share mapped, by confidence, and the most frequent unmapped titles.")
    static final class Check implements Callable<Integer> {
        @Mixin
        References references;

        @Option(names = "--catalogue", description = "The project catalogue CSV (default: the bundled one).")
        Path catalogue;

        @Option(
                names = "--top",
                defaultValue = "20",
                description = "How many unmapped titles to list (default: ${DEFAULT-VALUE}).")
        int top;

        @Parameters(index = "0", paramLabel = "TITLES.txt")
        Path titles;

        @Override
        public Integer call() throws IOException {
            Catalogue cat = catalogue == null ? Catalogue.bundled() : Catalogue.load(catalogue);
            OfficialData data = OfficialData.load(cat, references.rome, references.diplomas);
            TitleMatcher matcher =
                    data.matcher(cat.with(data.steps(), "official"), references.mappings, references.threshold);
            Map<String, Integer> bands = new TreeMap<>();
            Map<String, Integer> unmapped = new HashMap<>();
            int total = 0;
            int mapped = 0;
            int n = 0;
            for (String line : Files.readAllLines(titles, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                StepKind kind = null;
                String title = line;
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    String k = line.substring(0, tab);
                    String where = titles + ":" + n;
                    kind = StepKind.parse(k)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    where + ": unknown kind \"" + k + "\" (education, job or other)"));
                    title = line.substring(tab + 1);
                }
                total++;
                TitleMatcher.Match m = matcher.match(title, kind);
                if (m.mapped()) {
                    mapped++;
                    bands.merge(band(m), 1, Integer::sum);
                } else {
                    unmapped.merge(title.strip(), 1, Integer::sum);
                }
            }
            System.out.printf(
                    "%d titles, %d references (%s%s); threshold %.2f%n",
                    total,
                    matcher.size(),
                    references.rome == null ? "no ROME" : "ROME",
                    references.diplomas == null ? ", no RNCP" : ", RNCP, BCN",
                    references.threshold);
            System.out.printf("mapped: %d (%.1f%%)%n", mapped, 100.0 * mapped / Math.max(1, total));
            int all = total;
            bands.forEach((band, count) ->
                    System.out.printf("  %-28s %6d (%.1f%%)%n", band, count, 100.0 * count / Math.max(1, all)));
            System.out.printf("unmapped: %d (%.1f%%)%n", total - mapped, 100.0 * (total - mapped) / Math.max(1, total));
            unmapped.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(top)
                    .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
            return 0;
        }

        private static String band(TitleMatcher.Match m) {
            if (!m.method().equals("fuzzy")) {
                return m.method() + " (1.0)";
            }
            return m.confidence() >= 0.9
                    ? "fuzzy >= 0.9"
                    : m.confidence() >= 0.75 ? "fuzzy 0.75-0.9" : "fuzzy below 0.75";
        }
    }
}
