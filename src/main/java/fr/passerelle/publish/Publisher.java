package fr.passerelle.publish;

import fr.passerelle.catalog.Domains;
import fr.passerelle.catalog.Regions;
import fr.passerelle.files.Folders;
import fr.passerelle.graph.Cypher;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.PerturbationTable;
import fr.passerelle.privacy.RecordKeys;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.publish.ReleaseTables.Cell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.neo4j.driver.Value;

/**
 * Builds the release: every number any reader (the API, the trainers' page, analysts, exports)
 * will ever see, as a finite catalogue of tables ({@link ReleaseCatalogue}) counted from the person
 * records in one pass, each cell perturbed by the cell-key method ({@link PerturbationTable}) and
 * released only when its perturbed value is at least k. Shares and their intervals are computed
 * from perturbed counts, on perturbed denominators of at least the minimum. Written as CSV files and
 * the Cypher script that loads them ({@link #LOAD_ORDER}); the folder appears whole or not at all.
 */
public final class Publisher {
    /** The statements that load a release, in order; {@code cypher/published/<name>.cypher}. */
    public static final List<String> LOAD_ORDER = List.of(
            "published/schema-step-id",
            "published/load-meta",
            "published/load-steps",
            "published/load-domains",
            "published/load-regions",
            "published/load-periods",
            "published/load-since-bins",
            "published/load-sources",
            "published/load-step-regions",
            "published/load-step-periods",
            "published/load-step-since",
            "published/load-transitions",
            "published/load-region-transitions",
            "published/load-period-transitions",
            "published/load-since-transitions",
            "published/load-paths",
            "published/load-outcomes",
            "published/load-reconversions",
            "published/load-reconversion-routes",
            "published/load-bridge-routes",
            "published/load-fit",
            "published/load-fit-situations",
            "published/load-fit-jobs",
            "published/load-outcome-cohorts",
            "published/load-families",
            "published/load-region-outcomes",
            "published/load-mobility",
            "published/load-forks",
            "published/load-reach",
            "published/load-region-levels",
            "published/load-first-job-flows",
            "published/load-market",
            "published/load-market-sources",
            "published/load-official-headcounts",
            // Lookup indexes last: built once over the loaded nodes instead of maintained row by row (the steps'
            // constraint
            // comes first because every load matches steps by id).
            "published/schema-path-key",
            "published/schema-path-prefix",
            "published/schema-path-first",
            "published/schema-outcome-step",
            "published/schema-regional-outcome-step",
            "published/schema-mobility-step",
            "published/schema-region-level-region",
            "published/schema-first-job-flow-region",
            "published/schema-reconversion-step",
            "published/schema-bridge-from");

    static final List<String> FILES = List.of(
            "meta.csv",
            "steps.csv",
            "domains.csv",
            "regions.csv",
            "periods.csv",
            "since.csv",
            "sources.csv",
            "step-regions.csv",
            "step-periods.csv",
            "step-since.csv",
            "transitions.csv",
            "region-transitions.csv",
            "period-transitions.csv",
            "since-transitions.csv",
            "paths.csv",
            "outcomes.csv",
            "reconversions.csv",
            "reconversion-routes.csv",
            "bridge-routes.csv",
            "fit.csv",
            "fit-situations.csv",
            "fit-jobs.csv",
            "outcome-cohorts.csv",
            "families.csv",
            "region-outcomes.csv",
            "mobility.csv",
            "forks.csv",
            "reach.csv",
            "region-levels.csv",
            "first-job-flows.csv",
            "market.csv",
            "market-sources.csv",
            "official-headcounts.csv",
            "load.cypher");
    static final String COMPLETE = "COMPLETE";
    /** The source of the demo generator's synthetic people ({@code demo/DemoGenerator}). */
    static final String DEMO_SOURCE = "demo";

    /** In sources.csv, the prefix of the rows that count what each app key contributed. */
    public static final String CONTRIBUTED_THROUGH = "contributions:";
    /** Reading every person record is one transaction: at 1M people it takes tens of seconds, at 10M minutes. */
    private static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofHours(1);

    private final Database db;
    private final Thresholds thresholds;
    private final PerturbationTable noise;
    private final RecordKeys recordKeys;
    private final Clock clock;
    /** Where the true counts behind the last release's values wait (null: every value drawn afresh). */
    private final Path stateDir;

    private final int stableWithin;
    /** The values of the release being built (one publication at a time per publisher). */
    private StableValues values;

    /** The labour-market notes shipped beside the tables (public, non-personal files). */
    private final fr.passerelle.market.MarketNotes market;
    /** InserJeunes' headcounts shipped beside the tables (public figures). */
    private final fr.passerelle.market.InserJeunes official;

    public Publisher(Database db, Thresholds thresholds, PerturbationTable noise, RecordKeys recordKeys, Clock clock) {
        this(
                db,
                thresholds,
                noise,
                recordKeys,
                clock,
                null,
                0,
                fr.passerelle.market.MarketNotes.standard(),
                fr.passerelle.market.InserJeunes.standard());
    }

    private Publisher(
            Database db,
            Thresholds thresholds,
            PerturbationTable noise,
            RecordKeys recordKeys,
            Clock clock,
            Path stateDir,
            int stableWithin,
            fr.passerelle.market.MarketNotes market,
            fr.passerelle.market.InserJeunes official) {
        this.db = db;
        this.market = market;
        this.official = official;
        this.thresholds = thresholds;
        this.noise = noise;
        this.recordKeys = recordKeys;
        this.clock = clock;
        this.stateDir = stateDir;
        this.stableWithin = stableWithin;
    }

    /**
     * The same publisher whose values stay as they were in the previous release until their cell moved
     * by {@code within} people ({@link StableValues}); the state lives in {@code stateDir}.
     */
    public Publisher withStableValues(Path stateDir, int within) {
        return new Publisher(db, thresholds, noise, recordKeys, clock, stateDir, within, market, official);
    }

    /** The same publisher shipping {@code notes} as the release's labour-market notes. */
    public Publisher withMarket(fr.passerelle.market.MarketNotes notes) {
        return new Publisher(db, thresholds, noise, recordKeys, clock, stateDir, stableWithin, notes, official);
    }

    /** The same publisher shipping {@code figures} as the release's official headcounts. */
    public Publisher withOfficial(fr.passerelle.market.InserJeunes figures) {
        return new Publisher(db, thresholds, noise, recordKeys, clock, stateDir, stableWithin, market, figures);
    }

    record Step(
            String id,
            String kind,
            String label,
            String domain,
            String field,
            Long level,
            String search,
            List<String> targets,
            String targetSource) {}

    /** What a release holds, for the report and the tests. */
    public record Counts(
            int steps,
            int transitions,
            int paths,
            int regionCells,
            int periodCells,
            int sinceCells,
            int outcomes,
            int reconversions,
            int bridgeRoutes,
            int fitRows,
            long cellsCounted) {}

    /**
     * The release of the live graph's current version in {@code root/<version>/}: reused when
     * complete (the same data always gives the same files), else built anew.
     */
    public Publication publish(Path root) {
        Map<String, Object> version = db
                .read(
                        "queries/dataset-version",
                        Map.of(),
                        r -> Map.<String, Object>of(
                                "version",
                                r.get("version").asLong(),
                                "updatedAt",
                                r.get("updatedAt").asString(""),
                                "lastPurge",
                                r.get("lastPurge").asString("")))
                .stream()
                .findFirst()
                .orElse(Map.of("version", 0L, "updatedAt", "", "lastPurge", ""));
        long v = (Long) version.get("version");
        Path dir = root.resolve(Long.toString(v));
        // A release written before a table joined the catalogue lacks its file: built again, not served half.
        if (Publication.complete(dir)) {
            return Publication.read(dir);
        }
        Path work = root.resolve(v + ".building");
        long newest = Files.isDirectory(root)
                ? Publication.newest(root).map(Publication::version).orElse(-1L)
                : -1L;
        values = stateDir == null
                ? StableValues.fresh(noise, thresholds)
                : StableValues.after(stateDir, newest, noise, thresholds, stableWithin);
        try {
            // One writer per home (embedded: the store's lock; external: one writer process, see the README's
            // deployment), so any half-built folder is a killed publication's, and would otherwise stay forever.
            if (Files.isDirectory(root)) {
                try (var stale = Files.list(root)) {
                    for (Path p : stale.filter(p -> p.getFileName().toString().endsWith(".building"))
                            .toList()) {
                        Folders.deleteTree(p);
                    }
                }
            }
            Files.createDirectories(work);
            Counts counts = write(work, v, (String) version.get("updatedAt"), (String) version.get("lastPurge"));
            sortRows(work);
            Files.writeString(work.resolve("load.cypher"), loadScript(), StandardCharsets.UTF_8);
            Publication publication = new Publication(
                    v,
                    clock.instant().toString(),
                    thresholds.k(),
                    thresholds.minDenominator(),
                    noise.maxNoise(),
                    noise.variance(),
                    counts,
                    dir);
            publication.writeDescription(work);
            Files.writeString(work.resolve(COMPLETE), publication.publishedAt() + "\n");
            if (stateDir != null) {
                // Before the release is in place: a release never exists without the state its successor needs.
                values.write(stateDir, v);
            }
            Folders.deleteTree(dir);
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
            if (stateDir != null) {
                StableValues.keepOnly(stateDir, v);
            }
            if (Database.PROFILE_ENABLED) {
                System.err.printf("publication: %d values kept, %d drawn%n", values.kept(), values.drawn());
            }
            return publication;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the release in " + root, e);
        }
    }

    /**
     * Sorts every table's rows (the header stays first): the same data gives the same files, whatever
     * order the person records were read in (the tables are counted in that order).
     */
    private static void sortRows(Path dir) throws IOException {
        sortRows(dir, FILES);
    }

    static void sortRows(Path dir, List<String> files) throws IOException {
        for (String file : files) {
            // steps.csv (free labels, possibly quoted over lines) and the reference lists are written in a fixed order
            // already.
            if (!file.endsWith(".csv")
                    || List.of("meta.csv", "steps.csv", "domains.csv", "regions.csv", "periods.csv", "since.csv")
                            .contains(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
            List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
            rows.sort(Comparator.naturalOrder());
            rows.add(0, lines.get(0));
            Files.write(dir.resolve(file), rows, StandardCharsets.UTF_8);
        }
    }

    /** The load statements as one script, for {@code cypher-shell -f} or Neo4j Browser (multi-statement). */
    public static String loadScript() {
        StringBuilder script = new StringBuilder("// Loads a Passerelle release into an empty Neo4j database.\n"
                + "// Put the CSV files in Neo4j's import directory, then: cypher-shell -f load.cypher -P \"{base: 'file:///'}\"\n"
                + "// (in Neo4j Browser: :param {base: 'file:///'} first).\n\n");
        for (String name : LOAD_ORDER) {
            String text = Cypher.load(name);
            script.append("// ")
                    .append(name)
                    .append('\n')
                    .append(text.lines()
                            .filter(l -> !l.startsWith("//"))
                            .collect(Collectors.joining("\n"))
                            .strip())
                    .append(";\n\n");
        }
        return script.toString();
    }

    /** The released value of a cell (null when not released): kept from the last release, or drawn ({@link StableValues}). */
    private Long released(Cell cell, String name) {
        return values.release(cell, name).people();
    }

    private int writeOutcomes(
            CSVPrinter out,
            Map<Long, Long> cohorts,
            Map<Long, List<Part>> situations,
            Map<Long, Long> least,
            Map<Long, Long> finalCohorts,
            ReleaseTables t,
            List<Step> steps,
            List<String> domainCodes,
            Domains domains)
            throws IOException {
        int outcomes = 0;
        for (Map.Entry<Long, List<Part>> e : situations.entrySet()) {
            Long cohort = PartsWithinWhole.atLeast(cohorts.get(e.getKey()), least.get(e.getKey()));
            Long[] parts = Part.counts(e.getValue());
            cohort = PartsWithinWhole.fit(cohort, parts);
            finalCohorts.put(e.getKey(), cohort);
            for (int i = 0; i < parts.length; i++) {
                long key = e.getValue().get(i).key();
                int a = ReleaseTables.a(key);
                int b = ReleaseTables.b(key);
                String situation = t.situation(ReleaseTables.c(key));
                String domain =
                        situation.startsWith("job:") ? domainCodes.get(Integer.parseInt(situation.substring(4))) : null;
                String label = domain != null
                        ? domains.label(domain)
                        : situation.equals("study") ? "Poursuite d'études" : "Autre situation";
                Share share = share(parts[i], cohort);
                out.printRecord(
                        steps.get(a).id(),
                        ReleaseCatalogue.OUTCOME_MONTHS.get(b),
                        cohort,
                        domain != null ? "job" : situation,
                        domain,
                        label,
                        parts[i],
                        share == null ? null : share.value(),
                        share == null ? null : share.low(),
                        share == null ? null : share.high());
                outcomes++;
            }
        }
        return outcomes;
    }

    private int writeReconversions(
            CSVPrinter rec,
            CSVPrinter via,
            Map<Long, Long> totals,
            Map<Long, List<Part>> routes,
            ReleaseTables t,
            List<Step> steps,
            List<String> domainCodes)
            throws IOException {
        int reconversions = 0;
        for (Map.Entry<Long, List<Part>> e : routes.entrySet()) {
            Long total = totals.get(e.getKey());
            if (total == null) {
                continue; // routes of a withheld total are not shown without it
            }
            Long[] parts = Part.counts(e.getValue());
            total = PartsWithinWhole.fit(total, parts);
            int a = ReleaseTables.a(e.getKey());
            int maxSteps = ReleaseTables.b(e.getKey());
            String domain = domainCodes.get(ReleaseTables.c(e.getKey()));
            rec.printRecord(steps.get(a).id(), maxSteps, domain, total);
            reconversions++;
            for (int i = 0; i < parts.length; i++) {
                via.printRecord(
                        steps.get(a).id(),
                        maxSteps,
                        domain,
                        String.join(
                                ";",
                                codes(t, ReleaseTables.c(e.getValue().get(i).key()), steps)),
                        parts[i]);
                reconversions++;
            }
        }
        return reconversions;
    }

    /** A step's released arrivals, never above its people, never below its released origins added up. */
    private static Long arriving(Long released, long origins, Long stepPeople) {
        Long in = Thresholds.atMost(released, stepPeople);
        return in == null ? null : Math.max(in, origins);
    }

    /** A released count of a breakdown, with the key of its cell. */
    private record Part(long key, Long people) {
        static Long[] counts(List<Part> parts) {
            return parts.stream().map(Part::people).toArray(Long[]::new);
        }
    }

    /**
     * Each path's released leavers never below its released continuations added up, and its people
     * never below its leavers ({@link PartsWithinWhole}), from the longest paths up: a continuation always
     * comes after its prefix in the trie, so walking the nodes backwards sees a raised path before the
     * sum it belongs to.
     */
    private static void fitContinuations(ReleaseTables t, Long[] pathPeople, Long[] pathLeaving) {
        int n = t.paths();
        long[] continuing = new long[n];
        for (int node = n - 1; node >= 1; node--) {
            if (pathLeaving[node] != null && continuing[node] > pathLeaving[node]) {
                pathLeaving[node] = continuing[node];
            }
            pathPeople[node] = PartsWithinWhole.atLeast(pathPeople[node], pathLeaving[node]);
            if (pathPeople[node] != null) {
                continuing[t.parent(node)] += pathPeople[node];
            }
        }
    }

    /** How a table written in a unit of its own ({@link FitRelease}, {@link CohortOutcomes}) releases its cells. */
    private ReleasedValues releasedValues() {
        return new ReleasedValues() {
            @Override
            public Long released(Cell cell, String name) {
                return Publisher.this.released(cell, name);
            }

            @Override
            public Share share(Long part, Long whole) {
                return Publisher.this.share(part, whole);
            }

            @Override
            public WithMedian withMedian(Cell cell, String name) {
                StableValues.Released r = values.release(cell, name);
                return new WithMedian(r.people(), r.people() == null ? null : r.median());
            }
        };
    }

    private Share share(Long people, Long denominator) {
        return thresholds.share(people, denominator);
    }

    private Counts write(Path dir, long version, String updatedAt, String lastPurge) throws IOException {
        List<Step> steps = db.read(
                "publish/steps",
                Map.of(),
                r -> new Step(
                        r.get("id").asString(),
                        r.get("kind").asString(),
                        r.get("label").asString(),
                        text(r.get("domain")),
                        text(r.get("field")),
                        r.get("level").isNull() ? null : r.get("level").asLong(),
                        r.get("search").isNull()
                                ? r.get("label").asString().toLowerCase(java.util.Locale.ROOT)
                                : r.get("search").asString(),
                        // (A bulk-loaded store may hold an empty array field as one empty string.)
                        r.get("targets").asList(org.neo4j.driver.Value::asString).stream()
                                .filter(code -> !code.isBlank())
                                .toList(),
                        text(r.get("targetSource"))));
        Map<String, Integer> stepIndex = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            stepIndex.put(steps.get(i).id(), i);
        }
        Domains domains = Domains.bundled();
        List<String> domainCodes = domains.codes().stream().sorted().toList();
        Regions regions = Regions.bundled();
        List<String> regionCodes = regions.codes();
        List<String> periods = ReleaseCatalogue.periods();
        fr.passerelle.catalog.StepKind[] kinds = steps.stream()
                .map(st -> fr.passerelle.catalog.StepKind.parse(st.kind()).orElse(fr.passerelle.catalog.StepKind.OTHER))
                .toArray(fr.passerelle.catalog.StepKind[]::new);
        int[] stepDomains = steps.stream()
                .mapToInt(s -> s.domain() == null ? -1 : domainCodes.indexOf(s.domain()))
                .toArray();
        FitTargets fitTargets = new FitTargets(
                steps.stream().map(Step::id).toList(),
                steps.stream().map(Step::targets).toList());
        ReleaseTables tables =
                new ReleaseTables(kinds, stepDomains, domainCodes.size(), fitTargets, new Families(steps));
        List<String> sources = new ArrayList<>();
        Map<String, Integer> sourceIndex = new HashMap<>();
        List<String> contributors = new ArrayList<>();
        Map<String, Integer> contributorIndex = new HashMap<>();
        List<String> institutions = new ArrayList<>();
        Map<String, Integer> institutionIndex = new HashMap<>();
        long t0 = System.nanoTime();
        int[] counted = {0};
        readPeople(stepIndex, regionCodes, r -> {
            int src = sourceIndex.computeIfAbsent(r.source(), x -> {
                sources.add(x);
                return sources.size() - 1;
            });
            int app = r.contributor() == null
                    ? -1
                    : contributorIndex.computeIfAbsent(r.contributor(), x -> {
                        contributors.add(x);
                        return contributors.size() - 1;
                    });
            int[] at = null;
            if (r.institutions() != null) {
                at = new int[r.institutions().length];
                for (int i = 0; i < at.length; i++) {
                    String uai = r.institutions()[i];
                    at[i] = uai.isEmpty()
                            ? -1
                            : institutionIndex.computeIfAbsent(uai, x -> {
                                institutions.add(x);
                                return institutions.size() - 1;
                            });
                }
            }
            tables.count(
                    counted[0]++,
                    new ReleaseTables.Person(
                            r.recordKey(),
                            src,
                            r.steps(),
                            r.starts(),
                            r.ends(),
                            r.regions(),
                            r.collectedMonth(),
                            app,
                            at));
        });
        long t1 = System.nanoTime();
        if (Database.PROFILE_ENABLED) {
            System.err.printf("publication: read and counted %d people in %.1f s%n", counted[0], (t1 - t0) / 1e9);
        }
        Counts counts = writeTables(
                dir,
                version,
                updatedAt,
                lastPurge,
                steps,
                tables,
                fitTargets,
                domainCodes,
                domains,
                regionCodes,
                regions,
                periods,
                sources,
                contributors,
                institutions);
        if (Database.PROFILE_ENABLED) {
            System.err.printf(
                    "publication: released and wrote %d cells in %.1f s%n",
                    tables.cells.size(), (System.nanoTime() - t1) / 1e9);
        }
        return counts;
    }

    /** One person record as read, before counting. */
    private record Read(
            long recordKey,
            String source,
            int[] steps,
            int[] starts,
            int[] ends,
            int[] regions,
            int collectedMonth,
            String contributor,
            String[] institutions) {}

    /**
     * Every person record, read in parallel parts (one transaction each, by record key modulo the
     * number of parts: at 1M people most of the time is moving records over Bolt, which one reader
     * thread cannot keep busy) and handed to {@code count} on this thread, through a bounded queue, a batch at a
     * time ({@link #countInStepOrder}): memory holds two batches of records (one being counted, the next being
     * read meanwhile), not all of them (10M people would not fit).
     */
    private void readPeople(
            Map<String, Integer> stepIndex, List<String> regionCodes, java.util.function.Consumer<Read> count) {
        int n = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(COUNT_BATCH);
        Object partDone = new Object();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            for (int part = 0; part < n; part++) {
                Map<String, Object> params = Map.of("parts", n, "part", part);
                pool.submit(() -> {
                    Object last = partDone;
                    try {
                        db.stream(
                                "publish/person-sequences",
                                params,
                                r -> {
                                    try {
                                        queue.put(read(r, stepIndex, regionCodes));
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                        throw new IllegalStateException("publication stopped", e);
                                    }
                                },
                                READ_TIMEOUT);
                    } catch (RuntimeException e) {
                        last = e;
                    }
                    try {
                        queue.put(last);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            Read[] batch = new Read[COUNT_BATCH];
            int held = 0;
            for (int done = 0; done < n; ) {
                Object item = queue.take();
                if (item instanceof Read r) {
                    batch[held++] = r;
                    if (held == batch.length) {
                        countInStepOrder(batch, held, count);
                        held = 0;
                    }
                } else if (item instanceof RuntimeException e) {
                    throw e;
                } else {
                    done++;
                }
            }
            countInStepOrder(batch, held, count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the person records", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** People counted per batch, in the order of their steps (see {@link #countInStepOrder}). */
    private static final int COUNT_BATCH = 1 << 17;

    /**
     * Counts the first {@code held} records of {@code batch} sorted by their steps, then forgets them. The records
     * arrive in record-key order, which scatters each person's cells over the whole table (at 1M people 6M cells
     * in a 16M-slot table: most lookups missed every cache); neighbours in the order of their steps, then of their
     * establishments, share their paths, steps and most of their cells. Counting is order-free: each cell counts
     * distinct people and sums record keys ({@code CountingOrderTest}).
     */
    private static void countInStepOrder(Read[] batch, int held, java.util.function.Consumer<Read> count) {
        Arrays.sort(batch, 0, held, (x, y) -> {
            int bySteps = Arrays.compare(x.steps(), y.steps());
            return bySteps != 0 ? bySteps : Arrays.compare(x.institutions(), y.institutions());
        });
        for (int i = 0; i < held; i++) {
            count.accept(batch[i]);
            batch[i] = null;
        }
    }

    private Read read(org.neo4j.driver.Record r, Map<String, Integer> stepIndex, List<String> regionCodes) {
        List<String> codes = r.get("steps").asList(Value::asString);
        int n = codes.size();
        int[] s = new int[n];
        int[] reg = new int[n];
        // The bulk importer stores an array of empty strings as no property at all: no region known.
        List<String> regs = r.get("regions").isNull()
                ? java.util.Collections.nCopies(n, "")
                : r.get("regions").asList(Value::asString);
        for (int i = 0; i < n; i++) {
            Integer idx = stepIndex.get(codes.get(i));
            if (idx == null) {
                throw new IllegalStateException(
                        "a person record names step " + codes.get(i) + ", which is not in the graph");
            }
            s[i] = idx;
            reg[i] = regs.get(i).isEmpty() ? -1 : regionCodes.indexOf(regs.get(i));
        }
        // Records stored before record keys existed get theirs from the pseudonym, as an import would have.
        long rkey = r.get("rkey").isNull()
                ? recordKeys.of(r.get("pid").asString())
                : r.get("rkey").asLong();
        return new Read(
                rkey,
                r.get("source").asString(""),
                s,
                ints(r.get("starts"), n),
                ints(r.get("ends"), n),
                reg,
                r.get("collectedMonth").asInt(),
                r.get("contributor").asString(null),
                r.get("institutions").isNull()
                        ? null
                        : r.get("institutions").asList(Value::asString).toArray(String[]::new));
    }

    /** Months of a record, -1 where unknown (and all unknown when the property is missing). */
    private static int[] ints(Value list, int n) {
        if (list.isNull()) {
            int[] unknown = new int[n];
            java.util.Arrays.fill(unknown, -1);
            return unknown;
        }
        List<Long> values = list.asList(Value::asLong);
        int[] a = new int[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i).intValue();
        }
        return a;
    }

    private Counts writeTables(
            Path dir,
            long version,
            String updatedAt,
            String lastPurge,
            List<Step> steps,
            ReleaseTables t,
            FitTargets fitTargets,
            List<String> domainCodes,
            Domains domains,
            List<String> regionCodes,
            Regions regions,
            List<String> periods,
            List<String> sources,
            List<String> contributors,
            List<String> institutions)
            throws IOException {
        // The do-not-collect list's size, perturbed like any count (its record keys from the listed pseudonyms).
        Cell listed = new Cell();
        Cell withdrawnConsents = new Cell();
        int[] i = {0};
        db.read("person/all-do-not-collect", Map.of(), r -> {
            long rk = recordKeys.of(r.get("pid").asString());
            if ("consent_withdrawn".equals(r.get("reason").asString(""))) {
                withdrawnConsents.add(i[0], rk);
            }
            return listed.add(i[0]++, rk);
        });
        String now = clock.instant().toString();
        try (CSVPrinter csv = printer(
                dir.resolve("meta.csv"),
                "version",
                "updatedAt",
                "lastPurge",
                "publishedAt",
                "k",
                "minDenominator",
                "maxNoise",
                "noiseVariance",
                "people",
                "doNotCollect",
                "periods",
                "outcomeMonths",
                "maxPathSteps",
                "consentWithdrawals",
                "synthetic")) {
            csv.printRecord(
                    version,
                    updatedAt == null || updatedAt.isEmpty() ? now : updatedAt,
                    lastPurge == null || lastPurge.isEmpty() ? null : lastPurge,
                    now,
                    thresholds.k(),
                    thresholds.minDenominator(),
                    noise.maxNoise(),
                    noise.variance(),
                    released(t.get(ReleaseTables.key(ReleaseTables.EVERYONE, 0, 0, 0)), CellName.EVERYONE),
                    released(listed, CellName.DO_NOT_COLLECT),
                    String.join(";", periods),
                    ReleaseCatalogue.OUTCOME_MONTHS.stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(";")),
                    ReleaseCatalogue.MAX_PATH_STEPS,
                    released(withdrawnConsents, CellName.CONSENT_WITHDRAWALS),
                    // Demo people only: every answer and page must say the figures are invented.
                    sources.equals(List.of(DEMO_SOURCE)));
        }
        try (CSVPrinter csv = printer(dir.resolve("domains.csv"), "code", "label")) {
            for (String code : domainCodes) {
                csv.printRecord(code, domains.label(code));
            }
        }
        try (CSVPrinter csv = printer(dir.resolve("regions.csv"), "code", "name")) {
            for (String code : regionCodes) {
                csv.printRecord(code, regions.name(code));
            }
        }
        try (CSVPrinter csv = printer(dir.resolve("periods.csv"), "code", "fromYear", "toYear")) {
            for (String code : periods) {
                int[] years = ReleaseCatalogue.years(code);
                csv.printRecord(code, years[0], years[1]);
            }
        }
        try (CSVPrinter csv = printer(dir.resolve("since.csv"), "code", "fromMonths", "toMonths")) {
            for (String code : ReleaseCatalogue.sinceBins()) {
                int[] months = ReleaseCatalogue.sinceMonths(code);
                csv.printRecord(code, months[0], months[1] < 0 ? null : months[1]);
            }
        }
        try (CSVPrinter csv = printer(dir.resolve("sources.csv"), "source", "people")) {
            for (int s = 0; s < sources.size(); s++) {
                Long people = released(
                        t.get(ReleaseTables.key(ReleaseTables.SOURCE, s, 0, 0)), CellName.source(sources.get(s)));
                if (people != null) {
                    csv.printRecord(sources.get(s), people);
                }
            }
            // What each app key contributed, as "contributions:<key name>" (the register lists them).
            for (int c = 0; c < contributors.size(); c++) {
                String name = CONTRIBUTED_THROUGH + contributors.get(c);
                Long people =
                        released(t.get(ReleaseTables.key(ReleaseTables.CONTRIBUTOR, c, 0, 0)), CellName.source(name));
                if (people != null) {
                    csv.printRecord(name, people);
                }
            }
        }

        // Every path's released people and leavers, once: one-step paths are the steps' people and peopleOut, paths of
        // 2..5 steps (2 steps: the transitions) are written below with the share of their prefix's leavers.
        Long[] pathPeople = new Long[t.paths()];
        Long[] pathLeaving = new Long[t.paths()];
        Integer[] pathMedian = new Integer[t.paths()];
        Integer[] pathAfterEnd = new Integer[t.paths()];
        // The codes of the released paths, kept for writing them (every path's are needed to name its cells).
        List<List<String>> releasedCodes = new ArrayList<>(java.util.Collections.nCopies(t.paths(), null));
        Map<Integer, Integer> oneStep = new HashMap<>();
        for (int node = 1; node < t.paths(); node++) {
            if (t.length(node) == 1) {
                oneStep.put(t.lastStep(node), node);
            }
            List<String> codes = codes(t, node, steps);
            StableValues.Released path = values.release(t.pathPeople.get(node), CellName.path(codes));
            pathPeople[node] = path.people();
            pathMedian[node] = path.median();
            pathAfterEnd[node] = path.medianAfterEnd();
            if (pathPeople[node] != null) {
                releasedCodes.set(node, codes);
            }
            pathLeaving[node] = t.length(node) < ReleaseCatalogue.MAX_PATH_STEPS
                    ? Thresholds.atMost(released(t.pathLeaving.get(node), CellName.leaving(codes)), pathPeople[node])
                    : null;
        }

        fitContinuations(t, pathPeople, pathLeaving);

        // Steps: people and peopleOut are the one-step paths; peopleIn its own table, never below the
        // released transitions into the step added up.
        Long[] stepPeople = new Long[steps.size()];
        long[] arrivals = new long[steps.size()];
        for (int node = 1; node < t.paths(); node++) {
            if (t.length(node) == 2 && pathPeople[node] != null) {
                arrivals[t.lastStep(node)] += pathPeople[node];
            }
        }
        // A step's people never below the released arrivals from its origins added up ("at least that many").
        for (Map.Entry<Integer, Integer> e : oneStep.entrySet()) {
            Long people = pathPeople[e.getValue()];
            if (people != null && arrivals[e.getKey()] > people) {
                pathPeople[e.getValue()] = arrivals[e.getKey()];
            }
        }
        try (CSVPrinter csv = printer(
                dir.resolve("steps.csv"),
                "id",
                "kind",
                "label",
                "domain",
                "field",
                "level",
                "search",
                "people",
                "peopleIn",
                "peopleOut",
                "targets",
                "targetSource")) {
            for (int s = 0; s < steps.size(); s++) {
                Step step = steps.get(s);
                Integer node = oneStep.get(s);
                stepPeople[s] = node == null ? null : pathPeople[node];
                csv.printRecord(
                        step.id(),
                        step.kind(),
                        step.label(),
                        step.domain(),
                        step.field(),
                        step.level(),
                        step.search(),
                        stepPeople[s],
                        arriving(
                                released(
                                        t.get(ReleaseTables.key(ReleaseTables.STEP_IN, s, 0, 0)),
                                        CellName.arriving(step.id())),
                                arrivals[s],
                                stepPeople[s]),
                        node == null ? null : pathLeaving[node],
                        String.join(";", step.targets()),
                        step.targetSource());
            }
        }

        int transitions = 0;
        int paths = 0;
        try (CSVPrinter tr = printer(
                        dir.resolve("transitions.csv"),
                        "from",
                        "to",
                        "people",
                        "share",
                        "shareLow",
                        "shareHigh",
                        "medianMonths",
                        "afterEndMonths");
                CSVPrinter csv = printer(
                        dir.resolve("paths.csv"),
                        "steps",
                        "people",
                        "leaving",
                        "share",
                        "shareLow",
                        "shareHigh",
                        "medianMonths",
                        "lastHopMonths",
                        "lastHopAfterEndMonths")) {
            for (int node = 1; node < t.paths(); node++) {
                if (t.length(node) < 2 || pathPeople[node] == null) {
                    continue;
                }
                int prefix = t.parent(node);
                Share share = share(pathPeople[node], pathLeaving[prefix]);
                Integer median = pathMedian[node];
                List<String> codes = releasedCodes.get(node);
                StableValues.Released lastHop = t.length(node) == 2
                        ? new StableValues.Released(pathPeople[node], median, pathAfterEnd[node])
                        : values.release(t.pathLastHop.get(node), CellName.lastHop(codes));
                csv.printRecord(
                        String.join(";", codes),
                        pathPeople[node],
                        pathLeaving[node],
                        share == null ? null : share.value(),
                        share == null ? null : share.low(),
                        share == null ? null : share.high(),
                        median,
                        lastHop.median(),
                        lastHop.medianAfterEnd());
                paths++;
                if (t.length(node) == 2) {
                    tr.printRecord(
                            codes.get(0),
                            codes.get(1),
                            pathPeople[node],
                            share == null ? null : share.value(),
                            share == null ? null : share.low(),
                            share == null ? null : share.high(),
                            median,
                            pathAfterEnd[node]);
                    transitions++;
                }
            }
        }

        long[] keys = t.cells.sortedKeys();
        int regionCells = slices(
                dir,
                "step-regions.csv",
                "region-transitions.csv",
                "region",
                ReleaseTables.REGION,
                ReleaseTables.REGION_LEAVING,
                ReleaseTables.REGION_NEXT,
                regionCodes,
                t,
                keys,
                steps,
                stepPeople);
        int periodCells = slices(
                dir,
                "step-periods.csv",
                "period-transitions.csv",
                "period",
                ReleaseTables.PERIOD,
                ReleaseTables.PERIOD_LEAVING,
                ReleaseTables.PERIOD_NEXT,
                periods,
                t,
                keys,
                steps,
                stepPeople);
        int sinceCells = slices(
                dir,
                "step-since.csv",
                "since-transitions.csv",
                "since",
                ReleaseTables.SINCE,
                ReleaseTables.SINCE_LEAVING,
                ReleaseTables.SINCE_NEXT,
                ReleaseCatalogue.sinceBins(),
                t,
                keys,
                steps,
                stepPeople);

        int outcomes = 0;
        int fitRows = 0;
        int reconversions = 0;
        int bridges = 0;
        try (CSVPrinter out = printer(
                        dir.resolve("outcomes.csv"),
                        "step",
                        "months",
                        "cohort",
                        "situation",
                        "domain",
                        "label",
                        "people",
                        "share",
                        "shareLow",
                        "shareHigh");
                CSVPrinter rec = printer(dir.resolve("reconversions.csv"), "step", "maxSteps", "toDomain", "people");
                CSVPrinter via = printer(
                        dir.resolve("reconversion-routes.csv"), "step", "maxSteps", "toDomain", "via", "people");
                CSVPrinter br = printer(dir.resolve("bridge-routes.csv"), "from", "bridge", "toDomain", "people")) {
            Map<Long, Long> cohorts = new HashMap<>();
            Map<Long, List<Part>> situations = new LinkedHashMap<>();
            Map<Long, Long> totals = new HashMap<>();
            Map<Long, List<Part>> routes = new LinkedHashMap<>();
            for (long key : keys) {
                int table = ReleaseTables.table(key);
                if (table != ReleaseTables.OUTCOME
                        && table != ReleaseTables.RECONVERSION
                        && table != ReleaseTables.RECONVERSION_ROUTE
                        && table != ReleaseTables.BRIDGE_ROUTE) {
                    continue;
                }
                int a = ReleaseTables.a(key);
                int b = ReleaseTables.b(key);
                int c = ReleaseTables.c(key);
                String stepA = steps.get(a).id();
                String name = switch (table) {
                    case ReleaseTables.OUTCOME ->
                        CellName.outcome(
                                stepA,
                                ReleaseCatalogue.OUTCOME_MONTHS.get(b),
                                situationCode(t.situation(c), domainCodes));
                    case ReleaseTables.RECONVERSION -> CellName.reconversion(stepA, b, domainCodes.get(c));
                    case ReleaseTables.RECONVERSION_ROUTE ->
                        CellName.reconversionRoute(stepA, b / 32, domainCodes.get(b % 32), codes(t, c, steps));
                    default -> CellName.bridge(stepA, steps.get(b).id(), domainCodes.get(c));
                };
                Long people = released(t.get(key), name);
                if (people == null) {
                    continue;
                }
                switch (table) {
                    case ReleaseTables.OUTCOME -> {
                        long cohortKey = ReleaseTables.key(ReleaseTables.OUTCOME_COHORT, a, b, 0);
                        cohorts.computeIfAbsent(
                                cohortKey,
                                x -> released(
                                        t.get(cohortKey),
                                        CellName.cohort(stepA, ReleaseCatalogue.OUTCOME_MONTHS.get(b))));
                        situations
                                .computeIfAbsent(cohortKey, x -> new ArrayList<>())
                                .add(new Part(key, people));
                    }
                    case ReleaseTables.RECONVERSION -> {
                        totals.put(key, people);
                        routes.computeIfAbsent(key, x -> new ArrayList<>());
                    }
                    case ReleaseTables.RECONVERSION_ROUTE -> {
                        long total = ReleaseTables.key(ReleaseTables.RECONVERSION, a, b / 32, b % 32);
                        routes.computeIfAbsent(total, x -> new ArrayList<>()).add(new Part(key, people));
                    }
                    default -> {
                        br.printRecord(steps.get(a).id(), steps.get(b).id(), domainCodes.get(c), people);
                        bridges++;
                    }
                }
            }
            // A programme's situations within its cohort (which the fit's parts also need), a reconversion's routes
            // within its total.
            FitRelease fit = new FitRelease(t, steps.stream().map(Step::id).toList(), fitTargets, releasedValues());
            Map<Long, Long> least = fit.collect(keys);
            Map<Long, Long> finalCohorts = new HashMap<>();
            outcomes = writeOutcomes(out, cohorts, situations, least, finalCohorts, t, steps, domainCodes, domains);
            for (long cohortKey : fit.cohortKeys()) {
                finalCohorts.computeIfAbsent(cohortKey, k -> fit.cohort(k, least.get(k)));
            }
            fitRows = fit.write(dir, finalCohorts);
            reconversions = writeReconversions(rec, via, totals, routes, t, steps, domainCodes);
        }
        // Outcomes by exit cohort: the programme's evolution as a released series.
        CohortOutcomes.write(dir, t, keys, steps.stream().map(Step::id).toList(), releasedValues());
        // What became of each family's people: the benchmark a programme is set beside.
        FamilyOutcomes.write(dir, t, keys, t.families(), releasedValues());
        // By the region the step was taken in, for observatories (one dimension more than outcomes).
        RegionalOutcomes.write(dir, t, keys, steps.stream().map(Step::id).toList(), regionCodes, releasedValues());
        Mobility.write(dir, t, keys, steps.stream().map(Step::id).toList(), regionCodes, releasedValues());
        // The carrefour: from a step, what became of the people of each road they took.
        Forks.write(dir, t, keys, steps.stream().map(Step::id).toList(), releasedValues());
        // How likely, and how long: from a step to a job or a domain.
        Reaches.write(dir, t, keys, steps.stream().map(Step::id).toList(), domainCodes, releasedValues());
        RegionLevelOutcomes.write(dir, t, keys, t.families(), regionCodes, releasedValues());
        FirstJobFlows.write(dir, t, keys, regionCodes, releasedValues());
        InstitutionTables.write(dir, t, keys, steps.stream().map(Step::id).toList(), institutions, releasedValues());
        // Public notes on the released job steps (they describe jobs, never these people).
        market.write(
                dir,
                steps.stream()
                        .filter(st -> st.kind().equals("job"))
                        .map(Step::id)
                        .toList());
        official.write(dir, steps.stream().map(Step::id).toList());
        return new Counts(
                steps.size(),
                transitions,
                paths - transitions,
                regionCells,
                periodCells,
                sinceCells,
                outcomes,
                reconversions,
                bridges,
                fitRows,
                t.cells.size() + 2L * t.paths());
    }

    /** A breakdown of steps by a dimension (region, period): people and leavers per slice, transitions per slice. */
    private int slices(
            Path dir,
            String stepFile,
            String transitionFile,
            String column,
            int peopleTable,
            int leavingTable,
            int nextTable,
            List<String> values,
            ReleaseTables t,
            long[] keys,
            List<Step> steps,
            Long[] stepPeople)
            throws IOException {
        // Every slice's people and leavers, and its released destinations, before anything is written:
        // the destinations are fitted within the leavers (PartsWithinWhole).
        record Slice(long key, Long people, Long leaving) {}
        record Next(long key, StableValues.Released released) {}
        Map<Long, Slice> slices = new LinkedHashMap<>();
        for (long key : keys) {
            if (ReleaseTables.table(key) != peopleTable) {
                continue;
            }
            int s = ReleaseTables.a(key);
            int v = ReleaseTables.b(key);
            Long people = released(
                    t.get(key),
                    CellName.slice(column, values.get(v), steps.get(s).id()));
            Long left = Thresholds.atMost(
                    released(
                            t.get(ReleaseTables.key(leavingTable, s, v, 0)),
                            CellName.sliceLeaving(
                                    column, values.get(v), steps.get(s).id())),
                    people);
            slices.put((long) s << 16 | v, new Slice(key, people, left));
        }
        Map<Long, List<Next>> next = new LinkedHashMap<>();
        for (long key : keys) {
            if (ReleaseTables.table(key) != nextTable) {
                continue;
            }
            int s = ReleaseTables.a(key);
            int v = ReleaseTables.b(key);
            StableValues.Released released = this.values.release(
                    t.get(key),
                    CellName.sliceNext(
                            column,
                            values.get(v),
                            steps.get(s).id(),
                            steps.get(ReleaseTables.c(key)).id()));
            if (released.people() != null) {
                next.computeIfAbsent((long) s << 16 | v, x -> new ArrayList<>()).add(new Next(key, released));
            }
        }
        Map<Long, Long> fittedLeaving = new HashMap<>();
        for (Map.Entry<Long, List<Next>> e : next.entrySet()) {
            Slice slice = slices.get(e.getKey());
            Long[] parts = e.getValue().stream().map(n -> n.released().people()).toArray(Long[]::new);
            fittedLeaving.put(e.getKey(), slice == null ? null : PartsWithinWhole.fit(slice.leaving(), parts));
        }

        int written = 0;
        try (CSVPrinter csv = printer(dir.resolve(stepFile), "step", column, "people", "leaving", "share")) {
            for (Map.Entry<Long, Slice> e : slices.entrySet()) {
                Slice slice = e.getValue();
                if (slice.people() == null) {
                    continue;
                }
                int s = ReleaseTables.a(slice.key());
                Long left = fittedLeaving.getOrDefault(e.getKey(), slice.leaving());
                Long people = PartsWithinWhole.atLeast(slice.people(), left);
                Share share = share(people, stepPeople[s]);
                csv.printRecord(
                        steps.get(s).id(),
                        values.get(ReleaseTables.b(slice.key())),
                        people,
                        left,
                        share == null ? null : share.value());
                written++;
            }
        }
        try (CSVPrinter csv = printer(
                dir.resolve(transitionFile),
                "from",
                "to",
                column,
                "people",
                "share",
                "shareLow",
                "shareHigh",
                "medianMonths",
                "afterEndMonths")) {
            for (Map.Entry<Long, List<Next>> e : next.entrySet()) {
                Slice slice = slices.get(e.getKey());
                Long left = fittedLeaving.get(e.getKey());
                for (Next n : e.getValue()) {
                    Long people = n.released().people();
                    if (people == null || slice == null || slice.people() == null) {
                        continue;
                    }
                    int s = ReleaseTables.a(n.key());
                    Share share = share(people, left);
                    csv.printRecord(
                            steps.get(s).id(),
                            steps.get(ReleaseTables.c(n.key())).id(),
                            values.get(ReleaseTables.b(n.key())),
                            people,
                            share == null ? null : share.value(),
                            share == null ? null : share.low(),
                            share == null ? null : share.high(),
                            n.released().median(),
                            n.released().medianAfterEnd());
                    written++;
                }
            }
        }
        return written;
    }

    /** "study", "other" or "job:<domain letter>", as cell names spell situations. */
    static String situationCode(String situation, List<String> domainCodes) {
        return situation.startsWith("job:")
                ? "job:" + domainCodes.get(Integer.parseInt(situation.substring(4)))
                : situation;
    }

    private static List<String> codes(ReleaseTables t, int node, List<Step> steps) {
        List<String> codes = new ArrayList<>();
        for (int n = node; n > 0; n = t.parent(n)) {
            codes.add(0, steps.get(t.lastStep(n)).id());
        }
        return codes;
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    static CSVPrinter printer(Path file, String... header) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(header)
                .setRecordSeparator('\n')
                .get();
        return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format);
    }
}
