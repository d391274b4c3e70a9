package fr.passerelle.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The steps trajectories may refer to, read from {@code import/catalogue.csv} (columns code, kind,
 * label, domain, field, level, typical_months, optional aliases, certifications, targets, targets_source). A trajectory's own free-text labels are never
 * stored: the catalogue's official label is.
 */
public final class Catalogue {
    public static final String BUNDLED = "/import/catalogue.csv";
    /** No step: for reading official references without a project catalogue. */
    public static final Catalogue EMPTY = new Catalogue(Map.of(), "no catalogue");

    private final Map<String, CatalogueStep> byCode;
    private final String origin;

    private Catalogue(Map<String, CatalogueStep> byCode, String origin) {
        this.byCode = byCode;
        this.origin = origin;
    }

    /** The catalogue shipped in {@code import/}. */
    public static Catalogue bundled() {
        return bundled(BUNDLED);
    }

    /**
     * A catalogue shipped in {@code import/}, e.g. {@code /import/mvad-catalogue.csv}. Read once per
     * process: a catalogue is immutable, and parsing it (thousands of rows, their aliases and targets)
     * cost more than a quarter of the attack test's time when every caller read it again.
     */
    public static Catalogue bundled(String resource) {
        return BUNDLED_READ.computeIfAbsent(resource, Catalogue::readBundled);
    }

    private static final java.util.concurrent.ConcurrentMap<String, Catalogue> BUNDLED_READ =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Catalogue readBundled(String resource) {
        try (InputStream in = Catalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource.substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalogue load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue " + file, e);
        }
    }

    static Catalogue read(Reader reader, String origin) throws IOException {
        Map<String, CatalogueStep> steps = new LinkedHashMap<>();
        CSVFormat format = fr.passerelle.files.Csv.WITH_HEADER;
        for (CSVRecord row : format.parse(reader)) {
            String where = origin + ":" + row.getParser().getCurrentLineNumber();
            String code = row.get("code");
            if (code.isEmpty() || !code.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                throw new IllegalArgumentException(where + ": invalid step code \"" + code + "\"");
            }
            StepKind kind = StepKind.parse(row.get("kind"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            where + ": kind must be education, job or other, got \"" + row.get("kind") + "\""));
            CatalogueStep step = new CatalogueStep(
                    code,
                    kind,
                    row.get("label"),
                    row.get("domain"),
                    row.get("field"),
                    intOrZero(row.get("level"), where),
                    intOrZero(row.get("typical_months"), where),
                    aliases(row),
                    TargetJobs.of(row, where));
            if (steps.put(code, step) != null) {
                throw new IllegalArgumentException(where + ": step code " + code + " appears twice");
            }
        }
        return new Catalogue(Map.copyOf(steps), origin);
    }

    /** The optional {@code aliases} column: everyday names separated by '|'. */
    private static List<String> aliases(CSVRecord row) {
        if (!row.isMapped("aliases") || !row.isSet("aliases")) {
            return List.of();
        }
        return java.util.Arrays.stream(row.get("aliases").split("\\|"))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList();
    }

    private static int intOrZero(String text, String where) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": expected a whole number, got \"" + text + "\"");
        }
    }

    /** This catalogue plus {@code extra} steps (official references); a code already here keeps its entry. */
    public Catalogue with(Collection<CatalogueStep> extra, String extraOrigin) {
        Map<String, CatalogueStep> merged = new LinkedHashMap<>(byCode);
        for (CatalogueStep s : extra) {
            merged.putIfAbsent(s.code(), s);
        }
        return new Catalogue(Map.copyOf(merged), origin + " + " + extraOrigin);
    }

    /** The same steps without their everyday names (to measure what the names add to search). */
    public Catalogue withoutAliases() {
        Map<String, CatalogueStep> plain = new LinkedHashMap<>();
        byCode.forEach((code, s) -> plain.put(
                code,
                new CatalogueStep(s.code(), s.kind(), s.label(), s.domain(), s.field(), s.level(), s.typicalMonths())));
        return new Catalogue(Map.copyOf(plain), origin + " without everyday names");
    }

    /** Writes the catalogue in the format {@link #load} reads. */
    public void write(Path file) {
        try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(
                        out,
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader(
                                        "code",
                                        "kind",
                                        "label",
                                        "domain",
                                        "field",
                                        "level",
                                        "typical_months",
                                        "aliases",
                                        "certifications",
                                        "targets",
                                        "targets_source")
                                .setRecordSeparator('\n')
                                .get())) {
            for (CatalogueStep s : byCode.values().stream()
                    .sorted(java.util.Comparator.comparing(CatalogueStep::code))
                    .toList()) {
                List<Object> fields = new ArrayList<>(s.csvFields());
                fields.add(String.join("|", s.aliases()));
                fields.add(String.join("|", s.targets().certifications()));
                fields.add(String.join("|", s.targets().romeCodes()));
                fields.add(s.targets().source());
                csv.printRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the catalogue " + file, e);
        }
    }

    public Optional<CatalogueStep> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<CatalogueStep> steps() {
        return byCode.values();
    }

    public int size() {
        return byCode.size();
    }

    public String origin() {
        return origin;
    }

    /** Rows for {@code cypher/import/catalogue-upsert.cypher}. */
    public List<Map<String, Object>> asRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CatalogueStep s : byCode.values()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", s.code());
            row.put("kind", s.kind().code());
            row.put("label", s.label());
            row.put("domain", s.domain().isEmpty() ? null : s.domain());
            row.put("field", s.field().isEmpty() ? null : s.field());
            row.put("level", s.level() == 0 ? null : s.level());
            row.put("typicalMonths", s.typicalMonths() == 0 ? null : s.typicalMonths());
            row.put("search", s.searchText());
            row.put("targets", s.targets().romeCodes());
            row.put("targetSource", s.targets().isEmpty() ? null : s.targets().source());
            rows.add(row);
        }
        return rows;
    }
}
