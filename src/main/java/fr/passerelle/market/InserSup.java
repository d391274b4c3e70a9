package fr.passerelle.market;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;

/**
 * InserSup's master graduates' insertion (MESR / SIES, {@code fr-esr-insertion_professionnelle-master.csv},
 * Licence Ouverte): for each discipline, the national rows ("Toutes universités et établissements
 * assimilés") of the latest {@code years} graduation years, the insertion rate 18 and 30 months after
 * the diploma (employed among graduates in the labour market, further study and inactivity left out),
 * averaged weighted by the answers. Public figures about programmes, never about people.
 */
public record InserSup(Map<String, Discipline> byDiscipline) {
    /** One discipline's national figures: the years averaged, the answers behind them, the two rates (0..1). */
    public record Discipline(
            String code,
            String label,
            int fromYear,
            int toYear,
            long answers,
            Double insertion18,
            Double insertion30) {}

    static final String NATIONAL = "Toutes universités et Établissements assimilés";
    static final String AT_18 = "18 mois après le diplôme";
    static final String AT_30 = "30 mois après le diplôme";

    public static InserSup load(Path file, int years) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing (InserSup's master insertion file)");
        }
        // discipline -> year -> {answers, rate at 18, rate at 30}
        Map<String, TreeMap<Integer, double[]>> rows = new TreeMap<>();
        Map<String, String> labels = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : fr.passerelle.files.Csv.SEMICOLON_WITH_HEADER.parse(r)) {
                if (!row.get("etablissement").equalsIgnoreCase(NATIONAL)) {
                    continue;
                }
                String situation = row.get("situation");
                int at = situation.equals(AT_18) ? 1 : situation.equals(AT_30) ? 2 : 0;
                Double rate = number(row.get("taux_dinsertion"));
                Double answers = number(row.get("nombre_de_reponses"));
                if (at == 0 || rate == null || answers == null) {
                    continue;
                }
                String code = row.get("code_de_la_discipline");
                labels.putIfAbsent(code, row.get("discipline"));
                double[] y = rows.computeIfAbsent(code, x -> new TreeMap<>())
                        .computeIfAbsent(
                                Integer.parseInt(row.get("annee")), x -> new double[] {0, Double.NaN, Double.NaN});
                y[0] = Math.max(y[0], answers);
                y[at] = rate / 100;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, Discipline> out = new TreeMap<>();
        rows.forEach((code, byYear) -> {
            List<Integer> latest = new ArrayList<>(byYear.descendingKeySet());
            latest = latest.subList(0, Math.min(years, latest.size()));
            double[] sum = new double[3];
            double[] weight = new double[3];
            long answers = 0;
            for (int year : latest) {
                double[] y = byYear.get(year);
                answers += (long) y[0];
                for (int at = 1; at <= 2; at++) {
                    if (!Double.isNaN(y[at])) {
                        sum[at] += y[at] * y[0];
                        weight[at] += y[0];
                    }
                }
            }
            out.put(
                    code,
                    new Discipline(
                            code,
                            labels.get(code),
                            latest.get(latest.size() - 1),
                            latest.get(0),
                            answers,
                            weight[1] == 0 ? null : sum[1] / weight[1],
                            weight[2] == 0 ? null : sum[2] / weight[2]));
        });
        return new InserSup(out);
    }

    private static Double number(String text) {
        try {
            return text == null || text.isBlank() ? null : Double.valueOf(text.replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return null; // "ns": not significant
        }
    }
}
