package fr.passerelle.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
import fr.passerelle.catalog.StepKind;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The official open-data references in their published formats: ROME job codes and job titles
 * (appellations, France Travail JSON exports), RNCP certifications with type and level, RNCP → ROME
 * links, and BCN diploma codes (France Compétences / Éducation nationale CSV, ';'-separated). Gives
 * the reference titles for {@link TitleMatcher} and the steps for the catalogue.
 */
public final class OfficialData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<TitleMatcher.Reference> references = new ArrayList<>();
    private final Map<String, CatalogueStep> steps = new LinkedHashMap<>();
    private final Map<String, List<String>> rncpToRome = new HashMap<>();

    private OfficialData() {}

    /**
     * Reads what is there: {@code romeDir} with referentiel_code_rome.json, referentiel_appellation.json
     * (and grand_domaine.json); {@code diplomasDir} with rncp_info*.csv, rncp_rome*.csv, codes_diplomes*.csv.
     * Either may be null. The project's catalogue comes first.
     */
    public static OfficialData load(Catalogue catalogue, Path romeDir, Path diplomasDir) {
        OfficialData d = new OfficialData();
        for (CatalogueStep s : catalogue.steps()) {
            if (s.code().startsWith("UNMAPPED-")) {
                continue; // placeholders for what could not be mapped, never a target
            }
            d.references.add(new TitleMatcher.Reference(s.code(), s.kind(), s.label(), s.label(), "catalogue"));
        }
        if (romeDir != null) {
            d.loadRome(romeDir);
        }
        if (diplomasDir != null) {
            d.loadRncp(diplomasDir);
        }
        return d;
    }

    public List<TitleMatcher.Reference> references() {
        return references;
    }

    /** Steps for the official codes (ROME jobs, RNCP certifications), with labels, domain and level. */
    public List<CatalogueStep> steps() {
        return List.copyOf(steps.values());
    }

    /**
     * A matcher over these references, with the overrides of {@code mappingsFile} (CSV
     * {@code title,kind,code}; may be null), which win over everything.
     */
    public TitleMatcher matcher(Catalogue catalogue, Path mappingsFile, double threshold) {
        Map<String, TitleMatcher.Reference> overrides = new HashMap<>();
        if (mappingsFile != null) {
            try (Reader reader = Files.newBufferedReader(mappingsFile, StandardCharsets.UTF_8)) {
                CSVFormat format = fr.passerelle.files.Csv.WITH_HEADER;
                for (CSVRecord r : format.parse(reader)) {
                    String where = mappingsFile + ":" + r.getParser().getCurrentLineNumber();
                    StepKind kind = StepKind.parse(r.get("kind"))
                            .orElseThrow(() -> new IllegalArgumentException(
                                    where + ": kind must be education, job or other, got \"" + r.get("kind") + "\""));
                    String code = r.get("code");
                    String label = catalogue
                            .find(code)
                            .map(CatalogueStep::label)
                            .orElseGet(() ->
                                    steps.containsKey(code) ? steps.get(code).label() : null);
                    if (label == null) {
                        throw new IllegalArgumentException(where + ": unknown step code \"" + code
                                + "\" (not in the catalogue nor the official references)");
                    }
                    overrides.put(
                            r.get("title"), new TitleMatcher.Reference(code, kind, r.get("title"), label, "override"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + mappingsFile, e);
            }
        }
        return new TitleMatcher(references, overrides, threshold);
    }

    public Map<String, List<String>> rncpToRome() {
        return rncpToRome;
    }

    private void loadRome(Path dir) {
        JsonNode codes = json(dir.resolve("referentiel_code_rome.json"));
        Map<String, String> labels = new HashMap<>();
        for (JsonNode c : codes) {
            String code = c.path("code_rome").asText();
            String label = c.path("libelle_rome").asText();
            if (!fr.passerelle.catalog.RomeCode.is(code) || label.isBlank()) {
                throw new IllegalArgumentException(dir.resolve("referentiel_code_rome.json") + ": bad entry " + c);
            }
            labels.put(code, label);
            steps.put(
                    code,
                    new CatalogueStep(code, StepKind.JOB, label, code.substring(0, 1), code.substring(0, 3), 0, 0));
            references.add(new TitleMatcher.Reference(code, StepKind.JOB, label, label, "rome"));
        }
        Path appellations = dir.resolve("referentiel_appellation.json");
        if (Files.exists(appellations)) {
            for (JsonNode a : json(appellations)) {
                String code = a.path("code_rome").asText();
                if (!labels.containsKey(code)) {
                    continue;
                }
                for (String field : List.of("libelle_appellation_long", "libelle_appellation_court")) {
                    String title = a.path(field).asText("");
                    if (!title.isBlank()) {
                        references.add(new TitleMatcher.Reference(
                                code, StepKind.JOB, title, labels.get(code), "rome-appellation"));
                    }
                }
            }
        }
    }

    private void loadRncp(Path dir) {
        Path info = find(dir, "rncp_info");
        if (info != null) {
            for (CSVRecord r : csv(info)) {
                String code = r.get("CodeRNCP").trim();
                String title = r.get("intituleDiplome").trim();
                if (code.isEmpty() || title.isEmpty()) {
                    continue;
                }
                String type = r.get("CodeTypeCertif").trim();
                String level = r.get("NiveauEurope").replaceAll("\\D", "");
                String label = type.isEmpty() ? title : type + " " + title;
                references.add(new TitleMatcher.Reference(code, StepKind.EDUCATION, label, label, "rncp"));
                steps.putIfAbsent(
                        code,
                        new CatalogueStep(
                                code,
                                StepKind.EDUCATION,
                                label,
                                "",
                                "",
                                level.isEmpty() ? 0 : Integer.parseInt(level),
                                0));
            }
        }
        Path links = find(dir, "rncp_rome");
        if (links != null) {
            for (CSVRecord r : csv(links)) {
                rncpToRome
                        .computeIfAbsent(r.get("CodeRNCP").trim(), k -> new ArrayList<>())
                        .add(r.get("Rome").trim());
            }
        }
        Path bcn = find(dir, "codes_diplomes");
        if (bcn != null) {
            for (CSVRecord r : csv(bcn)) {
                String rncp = r.get("CodeRNCP").trim();
                String title = r.get("Intitule").trim();
                // BCN titles ("SERVICES INFORMATIQUES AUX ORGANISATIONS (BTS)") are more names for the same
                // certification.
                if (steps.containsKey(rncp) && !title.isEmpty()) {
                    references.add(new TitleMatcher.Reference(
                            rncp,
                            StepKind.EDUCATION,
                            title.replaceAll("[()]", " "),
                            steps.get(rncp).label(),
                            "bcn"));
                }
            }
        }
    }

    private static Path find(Path dir, String prefix) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.toString().endsWith(".csv"))
                    .sorted()
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static JsonNode json(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isArray()) {
                throw new IllegalArgumentException(file + ": expected a JSON array");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<CSVRecord> csv(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(';')
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .setAllowMissingColumnNames(true)
                    .setIgnoreEmptyLines(true)
                    .get();
            return format.parse(reader).getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
