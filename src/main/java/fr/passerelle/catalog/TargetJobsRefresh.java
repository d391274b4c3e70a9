package fr.passerelle.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Fills the catalogue's {@code targets} and {@code targets_source} columns from the official files:
 * Certif Info's {@code formation_rome.csv} (diploma code -> up to 5 ROME codes) for a Certif Info code,
 * France Compétences' {@code rncp_rome*.csv} for an RNCP code. The catalogue file keeps its rows, order
 * and other columns; a step whose certification is missing from the files keeps its old list and is
 * reported.
 */
public final class TargetJobsRefresh {
    private TargetJobsRefresh() {}

    /** What a refresh did: steps with a certification, lists rewritten, and each problem with its step. */
    public record Report(int certified, int refreshed, List<String> problems) {}

    private record Certification(String title, String rncp, String updated, List<String> rome) {}

    public static Report refresh(Path catalogue, Path diplomasDir, Path out) {
        Path certifInfo = diplomasDir.resolve("formation_rome.csv");
        if (!Files.isRegularFile(certifInfo)) {
            throw new IllegalArgumentException(
                    diplomasDir + ": formation_rome.csv (Certif Info diploma -> ROME) is missing");
        }
        Map<String, Certification> byCode = certifInfo(certifInfo);
        Map<String, List<String>> byRncp = rncp(diplomasDir);
        List<String> problems = new ArrayList<>();
        int certified = 0;
        int refreshed = 0;
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(catalogue, StandardCharsets.UTF_8);
                CSVParser parser = fr.passerelle.files.Csv.WITH_HEADER.parse(reader)) {
            header = new ArrayList<>(parser.getHeaderNames());
            for (String column : List.of("certifications", "targets", "targets_source")) {
                if (!header.contains(column)) {
                    header.add(column);
                }
            }
            for (CSVRecord row : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : header) {
                    values.put(column, row.isMapped(column) && row.isSet(column) ? row.get(column) : "");
                }
                List<String> certifications = TargetJobs.list(row, "certifications");
                if (!certifications.isEmpty()) {
                    certified++;
                    String step = row.get("code");
                    Set<String> rome = new LinkedHashSet<>();
                    List<String> named = new ArrayList<>();
                    boolean complete = true;
                    for (String code : certifications) {
                        if (code.startsWith("RNCP")) {
                            List<String> codes = byRncp.get(code);
                            if (codes == null) {
                                problems.add(step + ": " + code + " is not in rncp_rome*.csv");
                                complete = false;
                                continue;
                            }
                            rome.addAll(codes);
                            named.add("RNCP " + code.substring(4) + " (rncp_rome)");
                        } else {
                            Certification c = byCode.get(code);
                            if (c == null) {
                                problems.add(step + ": Certif Info diploma " + code + " is not in formation_rome.csv");
                                complete = false;
                                continue;
                            }
                            if (c.rome().isEmpty()) {
                                problems.add(step + ": Certif Info diploma " + code + " lists no ROME code");
                            }
                            rome.addAll(c.rome());
                            named.add("Certif Info " + code + " « " + c.title() + " »"
                                    + (c.rncp().isEmpty() ? "" : " RNCP" + c.rncp())
                                    + (c.updated().isEmpty() ? "" : " (mis à jour le " + c.updated() + ")"));
                        }
                    }
                    if (complete && !rome.isEmpty()) {
                        values.put("targets", String.join("|", rome));
                        values.put("targets_source", String.join("; ", named));
                        refreshed++;
                    }
                }
                rows.add(new ArrayList<>(values.values()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue " + catalogue, e);
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(
                        writer,
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader(header.toArray(String[]::new))
                                .setRecordSeparator('\n')
                                .get())) {
            for (List<String> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the catalogue " + out, e);
        }
        return new Report(certified, refreshed, problems);
    }

    private static Map<String, Certification> certifInfo(Path file) {
        Map<String, Certification> byCode = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = fr.passerelle.files.Csv.SEMICOLON_WITH_HEADER.parse(reader)) {
            for (CSVRecord r : parser) {
                List<String> rome = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    String code = r.get("Code_Rome_" + i);
                    if (RomeCode.is(code)) {
                        rome.add(code);
                    }
                }
                byCode.putIfAbsent(
                        r.get("Code_Diplome"),
                        new Certification(r.get("Libelle_Diplome"), r.get("Code_RNCP"), r.get("Date_MaJ"), rome));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return byCode;
    }

    private static Map<String, List<String>> rncp(Path dir) {
        Map<String, List<String>> byRncp = new LinkedHashMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("rncp_rome")
                            && f.toString().endsWith(".csv"))
                    .sorted()
                    .toList()) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                        CSVParser parser = fr.passerelle.files.Csv.SEMICOLON_WITH_HEADER.parse(reader)) {
                    for (CSVRecord r : parser) {
                        String rome = r.get("Rome");
                        if (RomeCode.is(rome)) {
                            List<String> codes = byRncp.computeIfAbsent(r.get("CodeRNCP"), x -> new ArrayList<>());
                            if (!codes.contains(rome)) {
                                codes.add(rome);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the RNCP files in " + dir, e);
        }
        return byRncp;
    }
}
