package fr.passerelle.cli;

import fr.passerelle.app.Environment;
import fr.passerelle.catalog.Regions;
import fr.passerelle.demo.TrajectoryFileWriter;
import fr.passerelle.eval.MvadConverter;
import fr.passerelle.eval.NextStepEvaluation;
import fr.passerelle.ingest.ImportReport;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.ingest.RawTrajectory;
import fr.passerelle.ingest.TrajectoryReader;
import fr.passerelle.recommend.StepService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Quality evaluations.",
        subcommands = {
            EvalCommand.NextStep.class,
            EvalCommand.ForkReach.class,
            EvalCommand.MvadToJsonLines.class,
            EvalCommand.Mapping.class,
            EvalCommand.Search.class,
            EvalCommand.Calibration.class
        })
final class EvalCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(
            name = "fork-reach",
            mixinStandardHelpOptions = true,
            description =
                    "Split people 80/20 (seeded), release the 80%, and score the carrefour (each road's situations 12, 24"
                            + " and 36 months after leaving a step, against the step alone) and \"how likely, how long\""
                            + " (against one constant share) on the 20%: Brier score and calibration error.")
    static final class ForkReach implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Trajectories (.jsonl or .csv).")
        List<Path> files;

        @Option(names = "--seed", defaultValue = "42", description = "Split seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws IOException {
            return HeldOut.score(options, files, seed, (env, services, normaliser, test) -> {
                java.time.LocalDate today = java.time.LocalDate.now(env.clock());
                for (fr.passerelle.eval.ForkReachEvaluation.Score score :
                        fr.passerelle.eval.ForkReachEvaluation.evaluate(
                                services.forks(),
                                services.reach(),
                                env.catalogue(),
                                normaliser,
                                test,
                                today.getYear() * 12 + today.getMonthValue() - 1)) {
                    System.out.println(score);
                }
            });
        }
    }

    @Command(
            name = "next-step",
            mixinStandardHelpOptions = true,
            description =
                    "Split people 80/20 (seeded), load the 80% into a fresh embedded database, and score popularity, "
                            + "first-order and path-conditioned next-step recommendations on the 20%: hit@1, hit@3, MRR, coverage.")
    static final class NextStep implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Trajectories (.jsonl or .csv).")
        List<Path> files;

        @Option(names = "--seed", defaultValue = "42", description = "Split seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws IOException {
            return HeldOut.score(options, files, seed, (env, services, normaliser, test) -> {
                StepService steps = services.steps();
                for (NextStepEvaluation.Score score :
                        NextStepEvaluation.evaluate(steps, normaliser, test, steps.popularDestinations())) {
                    System.out.println(score);
                }
            });
        }
    }

    /**
     * The held-out protocol every quality check shares: people split 80/20 (seeded), the 80% loaded into a fresh
     * embedded database and released, the scorer run on the 20% through the release's services (perturbed and
     * thresholded, as the API answers).
     */
    interface HeldOut {
        void run(
                Environment env,
                fr.passerelle.recommend.Services services,
                Normaliser normaliser,
                List<RawTrajectory> test)
                throws IOException;

        static int score(CommonOptions options, List<Path> files, long seed, HeldOut scorer) throws IOException {
            List<RawTrajectory> people = new ArrayList<>();
            for (Path file : files) {
                TrajectoryReader.forFile(file)
                        .read(
                                file,
                                TrajectoryReader.Sink.of(
                                        people::add, problem -> System.err.println("skipped " + problem)));
            }
            NextStepEvaluation.Split split = NextStepEvaluation.split(people, seed);
            Path dir = Files.createTempDirectory("passerelle-eval-");
            try (Environment env =
                    Environment.open(options.settings().withHome(dir).withBoltPort(0))) {
                ImportReport report = env.rebuild(
                        (loader, work) -> loader.prepare(split.train(), env.doNotCollect(), work),
                        DemoCommand.quietStream());
                System.out.printf(
                        "train: %d people (%d skipped); test: %d people; k = %d%n",
                        report.added(),
                        report.skipped(),
                        split.test().size(),
                        env.thresholds().k());
                try (fr.passerelle.publish.ReleaseApi release = env.releaseApi()) {
                    Normaliser normaliser = new Normaliser(
                            env.catalogue(),
                            Regions.bundled(),
                            env.key(),
                            env.settings().privacy().regionLevel());
                    scorer.run(env, env.services(release.database()), normaliser, split.test());
                }
            } finally {
                fr.passerelle.files.Folders.deleteTree(dir);
            }
            return 0;
        }
    }

    @Command(
            name = "mvad-to-jsonl",
            mixinStandardHelpOptions = true,
            description =
                    "Convert mvad's long spell file (id,spell_idx,state,start_month,end_month,n_months) to Passerelle JSON Lines "
                            + "over the steps of import/mvad-catalogue.csv.")
    static final class MvadToJsonLines implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SPELLS_CSV")
        Path spells;

        @Option(names = "--out", required = true, description = "Output .jsonl file.")
        Path out;

        @Override
        public Integer call() {
            long n = TrajectoryFileWriter.write(MvadConverter.read(spells), out);
            System.out.println("wrote " + n + " trajectories to " + out
                    + " (import them with --catalogue import/mvad-catalogue.csv)");
            return 0;
        }
    }

    @Command(
            name = "mapping",
            mixinStandardHelpOptions = true,
            description =
                    "Title-to-code quality on the official references: ROME appellations as typed (one gender form, lower case, "
                            + "no accents, shuffled words), ROME appellations held out (5-fold), and RNCP titles to their certification.")
    static final class Mapping implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        References references;

        @Override
        public Integer call() {
            if (references.rome == null) {
                throw new IllegalArgumentException("give --rome (and --diplomas for the RNCP figure)");
            }
            long t0 = System.nanoTime();
            fr.passerelle.mapping.OfficialData data = fr.passerelle.mapping.OfficialData.load(
                    fr.passerelle.catalog.Catalogue.bundled(), references.rome, references.diplomas);
            System.out.printf(
                    "%d reference titles, %d official steps, loaded in %.1f s; threshold %.2f%n",
                    data.references().size(),
                    data.steps().size(),
                    (System.nanoTime() - t0) / 1e9,
                    references.threshold);
            System.out.println(fr.passerelle.eval.MappingEvaluation.appellationsAsTyped(
                    data.references(), references.threshold, 7));
            System.out.println(
                    fr.passerelle.eval.MappingEvaluation.appellations(data.references(), references.threshold, 42));
            if (references.diplomas != null) {
                System.out.println(fr.passerelle.eval.MappingEvaluation.rncp(data.references(), references.threshold));
            }
            fr.passerelle.mapping.TitleMatcher matcher =
                    new fr.passerelle.mapping.TitleMatcher(data.references(), java.util.Map.of(), references.threshold);
            long t1 = System.nanoTime();
            int n = 0;
            for (fr.passerelle.mapping.TitleMatcher.Reference r : data.references()) {
                matcher.match(r.title() + " confirmé", r.kind());
                n++;
            }
            System.out.printf(
                    "speed: %d fuzzy matches in %.1f s (%.0f titles/s)%n",
                    n, (System.nanoTime() - t1) / 1e9, n / ((System.nanoTime() - t1) / 1e9));
            return 0;
        }
    }

    @Command(
            name = "search",
            mixinStandardHelpOptions = true,
            description =
                    "Search quality: the queries of eval/search-queries.csv (or --queries) against the catalogue's steps, "
                            + "hit@1 and hit@5 overall and per kind of query, with and without the ROME job titles.")
    static final class Search implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(
                names = "--queries",
                defaultValue = "eval/search-queries.csv",
                description = "CSV query,expected,kind (default: ${DEFAULT-VALUE}).")
        Path queries;

        /** --rome (default PASSERELLE_ROME_DIR, else ../shared/data/rome); the other references are not read. */
        @Mixin
        References references;

        @Option(names = "--misses", description = "Also print the queries missed at 5.")
        boolean misses;

        @Override
        public Integer call() {
            fr.passerelle.catalog.Catalogue catalogue = options.settings().catalogue() == null
                    ? fr.passerelle.catalog.Catalogue.bundled()
                    : fr.passerelle.catalog.Catalogue.load(options.settings().catalogue());
            List<fr.passerelle.eval.SearchEvaluation.Query> list = fr.passerelle.eval.SearchEvaluation.read(queries);
            Path romeDir = references.rome != null ? references.rome : fr.passerelle.recommend.SearchTitles.romeDir();
            // Before this search: a step was found when its folded label or code held the folded query.
            System.out.println("substring of labels and codes (the search before the title matcher)");
            print(fr.passerelle.eval.SearchEvaluation.evaluate(list, q -> substring(catalogue, q)));
            List<fr.passerelle.recommend.SearchTitles> variants = new ArrayList<>();
            variants.add(fr.passerelle.recommend.SearchTitles.of(catalogue.withoutAliases(), null));
            variants.add(fr.passerelle.recommend.SearchTitles.of(catalogue, null));
            if (romeDir != null) {
                variants.add(fr.passerelle.recommend.SearchTitles.of(catalogue.withoutAliases(), romeDir));
                variants.add(fr.passerelle.recommend.SearchTitles.of(catalogue, romeDir));
            }
            for (fr.passerelle.recommend.SearchTitles titles : variants) {
                fr.passerelle.recommend.StepSearch search = fr.passerelle.recommend.StepSearch.over(catalogue, titles);
                System.out.println(titles.source() + ": " + search.titles() + " titles");
                print(fr.passerelle.eval.SearchEvaluation.evaluate(list, q -> search.codes(q, 10)));
            }
            return 0;
        }

        private void print(List<fr.passerelle.eval.SearchEvaluation.Score> scores) {
            for (fr.passerelle.eval.SearchEvaluation.Score score : scores) {
                System.out.println("  " + score);
                if (misses && score.name().equals("all")) {
                    score.missed().forEach(m -> System.out.println("    missed: " + m));
                }
            }
        }

        private static List<String> substring(fr.passerelle.catalog.Catalogue catalogue, String query) {
            String q = fr.passerelle.catalog.Folding.fold(query);
            return catalogue.steps().stream()
                    .filter(s -> fr.passerelle.catalog.Folding.fold(s.label() + " " + s.code())
                            .contains(q))
                    .sorted(java.util.Comparator.comparing((fr.passerelle.catalog.CatalogueStep s) ->
                                    fr.passerelle.catalog.Folding.fold(s.label())
                                                    .startsWith(q)
                                            ? 0
                                            : 1)
                            .thenComparing(fr.passerelle.catalog.CatalogueStep::code))
                    .map(fr.passerelle.catalog.CatalogueStep::code)
                    .limit(10)
                    .toList();
        }
    }

    @Command(
            name = "calibration",
            mixinStandardHelpOptions = true,
            description =
                    "Load a demo population into a fresh embedded database, publish it, and print its released shares "
                            + "(further study at 6 months, a job among those outside study at 6 and 12 months) beside InserJeunes' "
                            + "national ones for each CAP, bac pro and BTS step, and the masters' job share beside InserSup's "
                            + "insertion rates, with the mean gaps.")
    static final class Calibration implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--people", defaultValue = "20000", description = "Demo people (default: ${DEFAULT-VALUE}).")
        int people;

        @Option(names = "--seed", defaultValue = "42", description = "Demo seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = "--diplomas",
                defaultValue = "${env:PASSERELLE_DIPLOMAS_DIR:-../shared/data/diplomas}",
                description = "Folder with Certif Info's formation_rome.csv (default: ${DEFAULT-VALUE}).")
        Path diplomas;

        @Option(
                names = "--inserjeunes",
                defaultValue = "${env:PASSERELLE_INSERJEUNES_DIR:-../shared/data/inserjeunes}",
                description = "Folder with ij_region_data.csv and nMef.csv (default: ${DEFAULT-VALUE}).")
        Path inserJeunes;

        @Option(
                names = "--insersup",
                defaultValue = "${env:PASSERELLE_INSERSUP_DIR:-../shared/data/insersup}",
                description = "Folder with InserSup's fr-esr-insertion_professionnelle-master.csv, for the masters "
                        + "(default: ${DEFAULT-VALUE}; left out when missing).")
        Path inserSup;

        private Path inserSupFile() {
            Path file = inserSup.resolve("fr-esr-insertion_professionnelle-master.csv");
            return Files.isRegularFile(file) ? file : null;
        }

        @Option(
                names = "--calibrate-flows",
                paramLabel = "FILE",
                description =
                        "Instead, rewrite the demo flows (import/demo-flows.csv) so that the weights leaving each step "
                                + "InserJeunes follows split as its official shares (further study; a job right away or a job "
                                + "search), and write them to FILE.")
        Path calibrateFlows;

        @Override
        public Integer call() throws IOException {
            if (calibrateFlows != null) {
                fr.passerelle.catalog.Catalogue catalogue = options.catalogue == null
                        ? fr.passerelle.catalog.Catalogue.bundled()
                        : fr.passerelle.catalog.Catalogue.load(options.catalogue);
                Map<String, fr.passerelle.eval.Calibration.Official> official = new java.util.LinkedHashMap<>(
                        fr.passerelle.eval.Calibration.official(catalogue, diplomas, inserJeunes));
                if (inserSupFile() != null) {
                    official.putAll(fr.passerelle.eval.Calibration.asOfficial(
                            fr.passerelle.eval.Calibration.masters(catalogue, inserSupFile())));
                }
                List<String> steps = fr.passerelle.eval.Calibration.calibrateFlows(
                        Path.of("import", "demo-flows.csv"), calibrateFlows, official, catalogue);
                System.out.printf(
                        "%d steps' flows rescaled to InserJeunes' shares, written to %s: %s%n",
                        steps.size(), calibrateFlows, steps);
                return 0;
            }
            for (Path file : List.of(
                    diplomas.resolve("formation_rome.csv"),
                    inserJeunes.resolve("ij_region_data.csv"),
                    inserJeunes.resolve("nMef.csv"))) {
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException(file + " is missing (see --diplomas and --inserjeunes)");
                }
            }
            Path dir = Files.createTempDirectory("passerelle-calibration-");
            try (Environment env =
                    Environment.open(options.settings().withHome(dir).withBoltPort(0))) {
                Map<String, fr.passerelle.eval.Calibration.Official> official =
                        fr.passerelle.eval.Calibration.official(env.catalogue(), diplomas, inserJeunes);
                fr.passerelle.demo.DemoGenerator generator = new fr.passerelle.demo.DemoGenerator(env.catalogue());
                env.rebuild(
                        (loader, work) -> loader.prepare(generator.generate(people, seed), env.doNotCollect(), work),
                        DemoCommand.quietStream());
                try (fr.passerelle.publish.ReleaseApi release = env.releaseApi()) {
                    System.out.printf(
                            "%d demo people (seed %d); %d steps InserJeunes follows%n", people, seed, official.size());
                    System.out.print(fr.passerelle.eval.Calibration.table(fr.passerelle.eval.Calibration.compare(
                            official, env.services(release.database()).fit())));
                    if (inserSupFile() != null) {
                        System.out.print(fr.passerelle.eval.Calibration.mastersTable(
                                fr.passerelle.eval.Calibration.compareMasters(
                                        fr.passerelle.eval.Calibration.masters(env.catalogue(), inserSupFile()),
                                        env.services(release.database()).outcomes())));
                    }
                }
            } finally {
                fr.passerelle.files.Folders.deleteTree(dir);
            }
            return 0;
        }
    }
}
