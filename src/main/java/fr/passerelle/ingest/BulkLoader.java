package fr.passerelle.ingest;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
import fr.passerelle.person.AggregateDelta;
import fr.passerelle.person.Visit;
import fr.passerelle.privacy.RecordKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Full rebuilds: every trajectory read and normalised in memory, every aggregate computed in Java,
 * and the whole graph written by Neo4j's own bulk importer into a stopped embedded store. The result
 * is the graph the transactional {@link Importer} would build from the same input (a test holds them
 * equal), an order of magnitude faster, but it replaces the database: it is for first loads and
 * rebuilds, not updates.
 */
public final class BulkLoader {
    private final Normaliser normaliser;
    private final Catalogue catalogue;
    private final String keyId;
    private final Clock clock;
    private final RecordKeys recordKeys;

    public BulkLoader(Normaliser normaliser, Catalogue catalogue, String keyId, RecordKeys recordKeys, Clock clock) {
        this.normaliser = normaliser;
        this.catalogue = catalogue;
        this.keyId = keyId;
        this.recordKeys = recordKeys;
        this.clock = clock;
    }

    /** CSV files ready for the bulk importer, and the report of what was read. */
    public record Prepared(Path dir, ImportReport report, Instant started, boolean strictRejected) {}

    /**
     * A do-not-collect entry, carried from the database being replaced into the rebuilt one.
     */
    public record Tombstone(String pid, String keyId, String reason, String since) {
        /** A row of {@code person/all-do-not-collect}. */
        public static Tombstone from(org.neo4j.driver.Record r) {
            return new Tombstone(
                    r.get("pid").asString(),
                    r.get("keyId").asString(null), // none on the build's demo home (person/forget-key)
                    r.get("reason").asString(),
                    r.get("since").asString());
        }
    }

    public Prepared prepare(List<Path> files, boolean strict, List<Tombstone> doNotCollect, Path workDir) {
        ImportReport report = new ImportReport();
        Instant started = clock.instant();
        TrajectoryInput input = new TrajectoryInput(normaliser, report);
        try (TrajectorySpill spill = new TrajectorySpill(workDir)) {
            for (Path file : files) {
                input.readFile(file, spill::add);
            }
            return finishPrepare(spill, doNotCollect, report, started, strict, workDir);
        }
    }

    public Prepared prepare(Iterable<RawTrajectory> records, List<Tombstone> doNotCollect, Path workDir) {
        ImportReport report = new ImportReport();
        Instant started = clock.instant();
        TrajectoryInput input = new TrajectoryInput(normaliser, report);
        try (TrajectorySpill spill = new TrajectorySpill(workDir)) {
            input.normalise(records, spill::add);
            return finishPrepare(spill, doNotCollect, report, started, false, workDir);
        }
    }

    /**
     * Who is written, as each trajectory is read back in order: the last version of a person wins, a
     * withdrawn person is removed and listed, a listed person is skipped. Only people read more than
     * once wait in memory until the end; everyone else is written at once.
     */
    private final class People {
        final Map<String, Tombstone> tombstones = new LinkedHashMap<>();
        final Map<String, Trajectory> waiting = new LinkedHashMap<>();
        final ImportReport report;

        People(List<Tombstone> existing, ImportReport report) {
            existing.forEach(t -> tombstones.put(t.pid(), t));
            this.report = report;
        }

        void offer(Trajectory t, boolean repeated, PersonWriter out) throws IOException {
            Tombstone listed = tombstones.get(t.pid());
            if (listed != null) {
                report.doNotCollect++;
                return;
            }
            if (t.withdrawn()) {
                waiting.remove(t.pid());
                tombstones.put(
                        t.pid(),
                        new Tombstone(
                                t.pid(),
                                keyId,
                                "withdrawn",
                                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                                        .toString()));
                report.withdrawn++;
                return;
            }
            if (!repeated) {
                out.write(t);
            } else if (waiting.put(t.pid(), t) != null) {
                report.replaced++;
            }
        }

        void finish(PersonWriter out) throws IOException {
            for (Trajectory t : waiting.values()) {
                out.write(t);
            }
        }
    }

    private Prepared finishPrepare(
            TrajectorySpill spill,
            List<Tombstone> doNotCollect,
            ImportReport report,
            Instant started,
            boolean strict,
            Path workDir) {
        if (strict && report.problemCount > 0) {
            report.rejected = true;
            report.elapsed = Duration.between(started, clock.instant());
            return new Prepared(workDir, report, started, true);
        }
        People people = new People(doNotCollect, report);
        try {
            Files.createDirectories(workDir);
            long t = System.nanoTime();
            writeCsv(spill, people, workDir);
            writeTombstones(people.tombstones.values(), workDir);
            if (fr.passerelle.graph.Database.PROFILE_ENABLED) {
                System.err.printf(
                        "read+normalise %.1f s, aggregate+write %.1f s%n",
                        Duration.between(started, clock.instant()).toMillis() / 1e3 - (System.nanoTime() - t) / 1e9,
                        (System.nanoTime() - t) / 1e9);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bulk import files in " + workDir, e);
        }
        return new Prepared(workDir, report, started, false);
    }

    /** Writes each person's node and PASSED relationships as it comes, and adds them to the aggregates. */
    private final class PersonWriter {
        final CSVPrinter persons;
        final CSVPrinter passed;
        final Map<String, Long> stepIds;
        final AggregateDelta totals = new AggregateDelta();
        final String collectedAt =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        final ImportReport report;
        long id;

        PersonWriter(CSVPrinter persons, CSVPrinter passed, Map<String, Long> stepIds, ImportReport report) {
            this.persons = persons;
            this.passed = passed;
            this.stepIds = stepIds;
            this.report = report;
        }

        void write(Trajectory t) throws IOException {
            StringJoiner steps = new StringJoiner(";");
            StringJoiner starts = new StringJoiner(";");
            StringJoiner ends = new StringJoiner(";");
            StringJoiner regions = new StringJoiner(";");
            boolean anyInstitution = false;
            Map<String, Integer> first = new LinkedHashMap<>();
            int pos = 0;
            for (Visit v : t.visits()) {
                first.putIfAbsent(v.step(), pos++);
                steps.add(v.step());
                starts.add(Integer.toString(v.start()));
                ends.add(Integer.toString(v.end()));
                regions.add(v.region());
                anyInstitution |= !v.institution().isEmpty();
            }
            // Most records name no establishment: no list built for them.
            String institutions = "";
            if (anyInstitution) {
                StringJoiner joined = new StringJoiner(";");
                t.visits().forEach(v -> joined.add(v.institution()));
                institutions = joined.toString();
            }
            persons.printRecord(
                    id,
                    t.pid(),
                    recordKeys.of(t.pid()),
                    keyId,
                    t.source(),
                    t.digest(),
                    collectedAt,
                    steps,
                    starts,
                    ends,
                    regions,
                    // An empty field stores no property, as the transactional import does for records without one.
                    institutions);
            for (Map.Entry<String, Integer> e : first.entrySet()) {
                passed.printRecord(id, stepIds.get(e.getKey()), e.getValue());
            }
            id++;
            totals.add(t.visits(), +1);
            report.added++;
            report.visits += t.visits().size();
        }
    }

    private void writeCsv(TrajectorySpill spill, People people, Path dir) throws IOException {
        Map<String, Long> stepIds = new HashMap<>();
        long nextId = 0;
        for (CatalogueStep s : catalogue.steps()) {
            stepIds.put(s.code(), nextId++);
        }
        PersonWriter writer;
        try (CSVPrinter persons = printer(
                        dir.resolve("persons.csv"),
                        ":ID(Person)",
                        "pid",
                        "rkey:long",
                        "keyId",
                        "source",
                        "digest",
                        "collectedAt:date",
                        "steps:string[]",
                        "starts:long[]",
                        "ends:long[]",
                        "regions:string[]",
                        "institutions:string[]");
                CSVPrinter passed =
                        printer(dir.resolve("passed.csv"), ":START_ID(Person)", ":END_ID(Step)", "pos:long")) {
            writer = new PersonWriter(persons, passed, stepIds, people.report);
            PersonWriter out = writer;
            spill.replay((t, repeated) -> {
                try {
                    people.offer(t, repeated, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            people.finish(writer);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        AggregateDelta totals = writer.totals;
        Map<String, long[]> counts = new HashMap<>();
        totals.forEachStep(counts::put);

        try (CSVPrinter out = printer(
                dir.resolve("steps.csv"),
                ":ID(Step)",
                "id",
                "kind",
                "label",
                "domain",
                "field",
                "level:long",
                "typicalMonths:long",
                "search",
                "people:long",
                "peopleOut:long",
                "peopleIn:long",
                "targets:string[]",
                "targetSource")) {
            for (CatalogueStep s : catalogue.steps()) {
                long[] c = counts.getOrDefault(s.code(), new long[3]);
                List<Object> row = new ArrayList<>();
                row.add(stepIds.get(s.code()));
                row.addAll(s.csvFields());
                row.addAll(List.of(s.searchText(), c[0], c[1], c[2]));
                // As catalogue-upsert sets them: the target jobs an education step's certification prepares for.
                row.add(String.join(";", s.targets().romeCodes()));
                row.add(s.targets().isEmpty() ? "" : s.targets().source());
                out.printRecord(row);
            }
        }
        try (CSVPrinter out = printer(
                dir.resolve("transitions.csv"),
                ":START_ID(Step)",
                ":END_ID(Step)",
                "people:long",
                "months:long[]",
                "medianMonths:long",
                "timedPeople:long")) {
            List<IOException> failures = new ArrayList<>();
            totals.forEachEdge((from, to, people1, months) -> {
                StringJoiner hist = new StringJoiner(";");
                long timed = 0;
                for (long m : months) {
                    hist.add(Long.toString(m));
                    timed += m;
                }
                Integer median = AggregateDelta.median(months);
                try {
                    out.printRecord(
                            stepIds.get(from), stepIds.get(to), people1, hist, median == null ? "" : median, timed);
                } catch (IOException e) {
                    failures.add(e);
                }
            });
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }
        try (CSVPrinter out =
                printer(dir.resolve("meta.csv"), ":ID(Meta)", "name", "version:long", "updatedAt:datetime", "keyId")) {
            out.printRecord(0, "graph", 1, clock.instant().toString(), keyId);
        }
    }

    private static void writeTombstones(Iterable<Tombstone> tombstones, Path dir) throws IOException {
        try (CSVPrinter out =
                printer(dir.resolve("donotcollect.csv"), ":ID(DoNotCollect)", "pid", "keyId", "reason", "since:date")) {
            long id = 0;
            for (Tombstone t : tombstones) {
                out.printRecord(id++, t.pid(), t.keyId(), t.reason(), t.since());
            }
        }
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(header)
                .setRecordSeparator('\n')
                .get();
        return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format);
    }

    /**
     * Runs Neo4j's bulk importer on the prepared files into the {@code neo4j} database of the stopped
     * embedded store in {@code neo4jHome}, replacing it.
     */
    public static void runImport(Path neo4jHome, Path csvDir, PrintStream log) {
        Path home = neo4jHome.toAbsolutePath().normalize();
        String[] args = {
            "database",
            "import",
            "full",
            "neo4j",
            "--overwrite-destination=true",
            "--id-type=integer",
            "--array-delimiter=;",
            "--nodes=Step=" + csvDir.resolve("steps.csv"),
            "--nodes=Person=" + csvDir.resolve("persons.csv"),
            "--nodes=Meta=" + csvDir.resolve("meta.csv"),
            "--nodes=DoNotCollect=" + csvDir.resolve("donotcollect.csv"),
            "--relationships=PASSED=" + csvDir.resolve("passed.csv"),
            "--relationships=TRANSITION=" + csvDir.resolve("transitions.csv"),
            "--report-file=" + csvDir.resolve("import.report"),
            "--max-off-heap-memory=2G",
        };
        int code = AdminTool.execute(
                new ExecutionContext(home, home.resolve("conf"), log, log, new DefaultFileSystemAbstraction()), args);
        if (code != 0) {
            throw new IllegalStateException(
                    "Neo4j's bulk importer failed (exit " + code + "); see " + csvDir.resolve("import.report"));
        }
    }
}
