package fr.passerelle.publish;

import fr.passerelle.catalog.Domains;
import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Cypher;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.AggregateDisclosure;
import fr.passerelle.privacy.Disclosure;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.recommend.OutcomeService;
import fr.passerelle.recommend.Outcomes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.neo4j.driver.Value;

/**
 * Builds a publication: the k-anonymous layer that analysts (and open data) get. Every count is at
 * least k; every breakdown (a step's destinations, a step's origins, a step's regions, a path's
 * continuations, a diploma's outcomes) has complementary suppression, so no subtraction between
 * published numbers reveals fewer than k people; a path is published only if the path one step
 * shorter on each side is, so a path cannot bound a hidden cell either. Written as plain CSV files
 * and the Cypher script that loads them ({@link #LOAD_ORDER}).
 */
public final class Publisher {
    /** The statements that load a publication, in order; {@code cypher/published/<name>.cypher}. */
    public static final List<String> LOAD_ORDER = List.of("published/schema-step-id", "published/schema-path-first",
            "published/load-meta", "published/load-steps", "published/load-domains", "published/load-regions",
            "published/load-step-regions", "published/load-transitions", "published/load-paths", "published/load-outcomes");
    static final int MAX_PATH_STEPS = 5;
    static final List<Integer> OUTCOME_MONTHS = List.of(6, 12, 24);
    private static final String COMPLETE = "COMPLETE";

    private final Database db;
    private final OutcomeService outcomes;
    private final Thresholds thresholds;
    private final Clock clock;

    public Publisher(Database db, OutcomeService outcomes, Thresholds thresholds, Clock clock) {
        this.db = db;
        this.outcomes = outcomes;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    record Step(String id, String kind, String label, String domain, String field, Long level, String search,
                long people, long peopleIn, long peopleOut) {
    }

    record Edge(String from, String to, long people, Long medianMonths, long timedPeople) {
    }

    /** What a publication holds, for the report and the tests. */
    public record Counts(int steps, int transitions, int hiddenTransitions, int paths, int regionCells, int outcomes) {
    }

    /**
     * The publication of the live graph's current version in {@code root/<version>/}: reused when
     * complete (publishing twice the same data gives the same files), else built anew.
     */
    public Publication publish(Path root) {
        long version = db.read("queries/dataset-version", Map.of(), r -> r.get("version").asLong()).stream().findFirst().orElse(0L);
        Path dir = root.resolve(Long.toString(version));
        if (Files.exists(dir.resolve(COMPLETE))) {
            return Publication.read(dir);
        }
        Path work = root.resolve(version + ".building");
        try {
            deleteTree(work);
            Files.createDirectories(work);
            Counts counts = write(work, version);
            Files.writeString(work.resolve("load.cypher"), loadScript(), StandardCharsets.UTF_8);
            Publication publication = new Publication(version, clock.instant().toString(), thresholds.k(), thresholds.minDenominator(),
                    counts, dir);
            publication.writeDescription(work);
            Files.writeString(work.resolve(COMPLETE), publication.publishedAt() + "\n");
            deleteTree(dir);
            // The folder appears whole or not at all.
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
            return publication;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the publication in " + root, e);
        }
    }

    /** The load statements as one script, for {@code cypher-shell -f} or Neo4j Browser (multi-statement). */
    public static String loadScript() {
        StringBuilder script = new StringBuilder("// Loads a Passerelle publication into an empty Neo4j database.\n"
                + "// Put the CSV files in Neo4j's import directory, then: cypher-shell -f load.cypher -P \"{base: 'file:///'}\"\n"
                + "// (in Neo4j Browser: :param {base: 'file:///'} first).\n\n");
        for (String name : LOAD_ORDER) {
            String text = Cypher.load(name);
            script.append("// ").append(name).append('\n')
                    .append(text.lines().filter(l -> !l.startsWith("//")).collect(Collectors.joining("\n")).strip())
                    .append(";\n\n");
        }
        return script.toString();
    }

    private Counts write(Path dir, long version) throws IOException {
        Map<String, Step> steps = new LinkedHashMap<>();
        for (Step s : db.read("publish/steps", Map.of(), r -> new Step(r.get("id").asString(), r.get("kind").asString(),
                r.get("label").asString(), text(r.get("domain")), text(r.get("field")), r.get("level").isNull() ? null : r.get("level").asLong(),
                r.get("search").isNull() ? r.get("label").asString().toLowerCase() : r.get("search").asString(),
                r.get("people").asLong(), r.get("peopleIn").asLong(), r.get("peopleOut").asLong()))) {
            steps.put(s.id(), s);
        }
        List<Edge> edges = db.read("publish/transitions", Map.of(), r -> new Edge(r.get("from").asString(), r.get("to").asString(),
                r.get("people").asLong(), r.get("medianMonths").isNull() ? null : r.get("medianMonths").asLong(),
                r.get("timedPeople").isNull() ? 0 : r.get("timedPeople").asLong()));
        AggregateDisclosure shown = AggregateDisclosure.compute(
                steps.values().stream().map(s -> new AggregateDisclosure.StepCounts(s.id(), s.people(), s.peopleIn(), s.peopleOut())).toList(),
                edges.stream().map(e -> new AggregateDisclosure.Edge(e.from(), e.to(), e.people())).toList(), thresholds);
        long total = db.read("queries/people-count", Map.of(), r -> r.get("people").asLong()).get(0);
        try (CSVPrinter csv = printer(dir.resolve("steps.csv"), "id", "kind", "label", "domain", "field", "level", "search",
                "people", "peopleIn", "peopleOut")) {
            for (Step s : steps.values()) {
                csv.printRecord(s.id(), s.kind(), s.label(), s.domain(), s.field(), s.level(), s.search(), shown.people(s.id()),
                        shown.peopleIn(s.id()), shown.peopleOut(s.id()));
            }
        }
        try (CSVPrinter csv = printer(dir.resolve("meta.csv"), "version", "updatedAt", "publishedAt", "k", "minDenominator", "people")) {
            String updatedAt = db.read("queries/dataset-version", Map.of(), r -> r.get("updatedAt").asString(null)).stream().findFirst().orElse(null);
            csv.printRecord(version, updatedAt == null ? clock.instant().toString() : updatedAt, clock.instant().toString(), thresholds.k(),
                    thresholds.minDenominator(), thresholds.canShowCount(total) ? total : null);
        }
        try (CSVPrinter csv = printer(dir.resolve("domains.csv"), "code", "label")) {
            Domains domains = Domains.bundled();
            for (String code : domains.codes().stream().sorted().toList()) {
                csv.printRecord(code, domains.label(code));
            }
        }
        Regions regions = Regions.bundled();
        try (CSVPrinter csv = printer(dir.resolve("regions.csv"), "code", "name")) {
            for (String code : regions.codes()) {
                csv.printRecord(code, regions.name(code));
            }
        }

        Set<Edge> kept = new HashSet<>();
        int transitions = 0;
        try (CSVPrinter csv = printer(dir.resolve("transitions.csv"), "from", "to", "people", "share", "shareLow", "shareHigh",
                "medianMonths", "timedPeople")) {
            for (Edge e : edges) {
                if (!shown.shows(e.from(), e.to())) {
                    continue;
                }
                kept.add(e);
                Long leaving = shown.peopleOut(e.from());
                Share share = leaving != null && thresholds.canShowShare(leaving) ? Share.of(e.people(), leaving) : null;
                boolean timed = thresholds.canShowCount(e.timedPeople()) && AggregateDisclosure.safeDifference(e.people(), e.timedPeople(), thresholds);
                csv.printRecord(e.from(), e.to(), e.people(), share == null ? null : share.value(), share == null ? null : share.low(),
                        share == null ? null : share.high(), thresholds.canShowCount(e.timedPeople()) ? e.medianMonths() : null,
                        timed ? e.timedPeople() : null);
                transitions++;
            }
        }

        int regionCells = 0;
        Map<String, List<long[]>> byStep = new LinkedHashMap<>();
        Map<String, List<String>> regionOf = new HashMap<>();
        for (Map.Entry<String, Object[]> cell : db.read("publish/step-regions", Map.of(),
                r -> Map.entry(r.get("step").asString(), new Object[] {r.get("region").asString(), r.get("people").asLong()}))) {
            byStep.computeIfAbsent(cell.getKey(), k -> new ArrayList<>()).add(new long[] {regionOf.computeIfAbsent(cell.getKey(), k -> new ArrayList<>()).size(),
                    (Long) cell.getValue()[1]});
            regionOf.get(cell.getKey()).add((String) cell.getValue()[0]);
        }
        try (CSVPrinter csv = printer(dir.resolve("step-regions.csv"), "step", "region", "people", "share")) {
            for (Map.Entry<String, List<long[]>> e : byStep.entrySet()) {
                Long stepPeople = shown.people(e.getKey());
                Disclosure.Result<long[]> cells = Disclosure.apply(e.getValue(), c -> c[1], stepPeople == null ? -1 : stepPeople, thresholds);
                for (long[] c : cells.shown()) {
                    Double share = stepPeople != null && thresholds.canShowShare(stepPeople) ? Share.of(c[1], stepPeople).value() : null;
                    csv.printRecord(e.getKey(), regionOf.get(e.getKey()).get((int) c[0]), c[1], share);
                    regionCells++;
                }
            }
        }

        int paths = writePaths(dir, kept);

        int outcomeRows = 0;
        try (CSVPrinter csv = printer(dir.resolve("outcomes.csv"), "step", "months", "cohort", "situation", "domain", "label", "people", "share")) {
            for (Step s : steps.values()) {
                if (!"education".equals(s.kind()) || shown.people(s.id()) == null) {
                    continue;
                }
                Outcomes answer = outcomes.outcomes(s.id(), OUTCOME_MONTHS);
                for (Outcomes.AtMonths at : answer.outcomes()) {
                    for (Outcomes.Situation situation : at.situations()) {
                        csv.printRecord(s.id(), at.months(), at.people(), situation.situation(), situation.domain(), situation.label(),
                                situation.people(), situation.share() == null ? null : situation.share().value());
                        outcomeRows++;
                    }
                    if (at.hiddenPeople() != null) {
                        csv.printRecord(s.id(), at.months(), at.people(), "hidden", null, "Autres situations (chacune moins de k personnes)",
                                at.hiddenPeople(), null);
                        outcomeRows++;
                    }
                }
            }
        }
        return new Counts(steps.size(), transitions, edges.size() - transitions, paths, regionCells, outcomeRows);
    }

    /**
     * Paths of 3..{@value #MAX_PATH_STEPS} steps: distinct people per contiguous sequence. A path is
     * published when it has at least k people, the paths one step shorter at each end are published
     * (for 3 steps: both transitions), and it survives complementary suppression among the paths
     * that extend the same prefix, against the prefix's published count.
     */
    private int writePaths(Path dir, Set<Edge> keptEdges) throws IOException {
        Map<List<String>, Long> counts = new HashMap<>();
        for (List<String> steps : db.read("publish/person-sequences", Map.of(), r -> r.get("steps").asList(Value::asString))) {
            Set<List<String>> seen = new HashSet<>();
            for (int length = 3; length <= MAX_PATH_STEPS; length++) {
                for (int i = 0; i + length <= steps.size(); i++) {
                    List<String> path = List.copyOf(steps.subList(i, i + length));
                    if (seen.add(path)) {
                        counts.merge(path, 1L, Long::sum);
                    }
                }
            }
        }
        Map<List<String>, Long> published = new HashMap<>();
        for (Edge e : keptEdges) {
            published.put(List.of(e.from(), e.to()), e.people());
        }
        int written = 0;
        try (CSVPrinter csv = printer(dir.resolve("paths.csv"), "steps", "people")) {
            for (int length = 3; length <= MAX_PATH_STEPS; length++) {
                final int n = length;
                Map<List<String>, List<Map.Entry<List<String>, Long>>> byPrefix = counts.entrySet().stream()
                        .filter(e -> e.getKey().size() == n && thresholds.canShowCount(e.getValue()))
                        .filter(e -> published.containsKey(e.getKey().subList(0, n - 1)) && published.containsKey(e.getKey().subList(1, n)))
                        .collect(Collectors.groupingBy(e -> e.getKey().subList(0, n - 1)));
                Map<List<String>, Long> level = new HashMap<>();
                for (Map.Entry<List<String>, List<Map.Entry<List<String>, Long>>> group : byPrefix.entrySet()) {
                    List<Map.Entry<List<String>, Long>> cells = new ArrayList<>(group.getValue());
                    cells.sort(Comparator.comparing(e -> String.join(";", e.getKey())));
                    for (Map.Entry<List<String>, Long> cell : Disclosure.apply(cells, Map.Entry::getValue, published.get(group.getKey()), thresholds).shown()) {
                        level.put(cell.getKey(), cell.getValue());
                    }
                }
                List<List<String>> order = new ArrayList<>(level.keySet());
                order.sort(Comparator.comparing(p -> String.join(";", p)));
                for (List<String> path : order) {
                    csv.printRecord(String.join(";", path), level.get(path));
                    written++;
                }
                published.putAll(level);
            }
        }
        return written;
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    static CSVPrinter printer(Path file, String... header) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
        return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format);
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
