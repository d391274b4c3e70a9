package fr.passerelle.eval;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
import fr.passerelle.recommend.Fit;
import fr.passerelle.recommend.FitService;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * How plausible the demo's outcomes are: for each vocational step whose certification InserJeunes
 * follows (CAP, bac pro, BTS), the official national shares (further study among final-year
 * students, employment among leavers at 6 and 12 months, all millésimes, regions and routes added
 * up) beside the shares a release gives (further study among the people observed that long, a job
 * among those outside further study, from {@code /fit}). Steps join through their certifications'
 * CFD (Certif Info's {@code Code_Scolarité}) and the BCN's MEF table.
 */
public final class Calibration {
    private Calibration() {}

    /** InserJeunes, national: final-year students, leavers, and the three shares (null without a denominator). */
    public record Official(long finalYear, long leavers, Double study, Double employed6, Double employed12) {}

    /** One step's row: official and released shares (null where the release withholds them). */
    public record Row(String step, Official official, Double study6, Double employed6, Double employed12) {}

    /**
     * The official figures of every catalogue step with certifications, from {@code diplomasDir}'s
     * {@code formation_rome.csv} and {@code inserJeunesDir}'s {@code ij_region_data.csv} and {@code nMef.csv}
     * ({@link fr.passerelle.market.InserJeunes}).
     */
    public static Map<String, Official> official(Catalogue catalogue, Path diplomasDir, Path inserJeunesDir) {
        Map<String, Official> official = new LinkedHashMap<>();
        fr.passerelle.market.InserJeunes.load(catalogue, diplomasDir, inserJeunesDir)
                .byStep()
                .forEach((step, f) -> official.put(
                        step, new Official(f.finalYear(), f.leavers(), f.study(), f.employed6(), f.employed12())));
        return official;
    }

    /** The released shares beside the official ones, step by step (steps in {@code official}'s order). */
    public static List<Row> compare(Map<String, Official> official, FitService fit) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Official> e : official.entrySet()) {
            Fit six = fit.fit(e.getKey(), 6);
            Fit twelve = fit.fit(e.getKey(), 12);
            rows.add(new Row(e.getKey(), e.getValue(), studyShare(six), employedShare(six), employedShare(twelve)));
        }
        return rows;
    }

    private static final Set<String> JOBS = Set.of("target", "sameField", "sameDomain", "otherDomain");

    private static Double studyShare(Fit fit) {
        if (fit.people() == null) {
            return null;
        }
        return fit.situations().stream()
                .filter(s -> s.situation().equals("study"))
                .findFirst()
                .map(s -> (double) s.people() / fit.people())
                .orElse(null);
    }

    /** People in a job among those outside further study (InserJeunes' employment rate), from released counts. */
    private static Double employedShare(Fit fit) {
        if (fit.peopleOutsideStudy() == null) {
            return null;
        }
        long employed = fit.situations().stream()
                .filter(s -> JOBS.contains(s.situation()))
                .mapToLong(Fit.Situation::people)
                .sum();
        return (double) employed / fit.peopleOutsideStudy();
    }

    /** The table, and the mean absolute gap of each share over the steps where both are known. */
    public static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-20s %10s | %-15s | %-15s | %-15s%n",
                "step",
                "IJ final yr",
                "study IJ / demo",
                "job 6m IJ/demo",
                "job 12m IJ/demo"));
        double[] gap = new double[3];
        int[] n = new int[3];
        for (Row r : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-20s %10d | %-15s | %-15s | %-15s%n",
                    r.step(),
                    r.official().finalYear(),
                    pair(r.official().study(), r.study6()),
                    pair(r.official().employed6(), r.employed6()),
                    pair(r.official().employed12(), r.employed12())));
            Double[][] both = {
                {r.official().study(), r.study6()},
                {r.official().employed6(), r.employed6()},
                {r.official().employed12(), r.employed12()}
            };
            for (int i = 0; i < 3; i++) {
                if (both[i][0] != null && both[i][1] != null) {
                    gap[i] += Math.abs(both[i][0] - both[i][1]);
                    n[i]++;
                }
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "mean absolute gap (points): further study %.1f over %d steps, job at 6 months %.1f over %d, at 12 months %.1f over %d%n",
                n[0] == 0 ? 0 : 100 * gap[0] / n[0],
                n[0],
                n[1] == 0 ? 0 : 100 * gap[1] / n[1],
                n[1],
                n[2] == 0 ? 0 : 100 * gap[2] / n[2],
                n[2]));
        return out.toString();
    }

    private static String pair(Double official, Double released) {
        return percent(official) + " / " + percent(released);
    }

    private static String percent(Double x) {
        return x == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }

    /**
     * InserSup's discipline for each master of the catalogue, chosen by hand once: the closest SIES
     * discipline (MIAGE is computing; finance, marketing and HR are management; MEEF is the teaching masters).
     */
    public static final Map<String, String> MASTER_DISCIPLINES = Map.of(
            "MASTER-INFO", "disc16",
            "MASTER-MIAGE", "disc16",
            "MASTER-DROIT-AFFAIRES", "disc02",
            "MASTER-FINANCE", "disc04",
            "MASTER-MEEF", "disc18",
            "MASTER-PSYCHO", "disc09",
            "MASTER-MARKETING", "disc04",
            "MASTER-RH", "disc04");

    /** One master's row: InserSup's national rates beside the release's job share outside study at 24 and 36 months. */
    public record MasterRow(
            String step, fr.passerelle.market.InserSup.Discipline official, Double employed24, Double employed36) {}

    /** The InserSup figures of the catalogue's masters (latest 3 graduation years), by step. */
    public static Map<String, fr.passerelle.market.InserSup.Discipline> masters(
            Catalogue catalogue, Path inserSupFile) {
        fr.passerelle.market.InserSup figures = fr.passerelle.market.InserSup.load(inserSupFile, 3);
        Map<String, fr.passerelle.market.InserSup.Discipline> masters = new LinkedHashMap<>();
        MASTER_DISCIPLINES.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(e -> catalogue.find(e.getKey()).isPresent()
                        && figures.byDiscipline().containsKey(e.getValue()))
                .forEach(e -> masters.put(e.getKey(), figures.byDiscipline().get(e.getValue())));
        return masters;
    }

    /** The masters as {@link #calibrateFlows} takes them: a job right away at InserSup's 18-month rate, study kept. */
    public static Map<String, Official> asOfficial(Map<String, fr.passerelle.market.InserSup.Discipline> masters) {
        Map<String, Official> official = new LinkedHashMap<>();
        masters.forEach((step, d) ->
                official.put(step, new Official(d.answers(), d.answers(), null, d.insertion18(), d.insertion30())));
        return official;
    }

    /**
     * The masters' released job share beside InserSup's: people in a job among those in a job or in another
     * situation (further study left out, as InserSup does), from the released outcomes' parts, at 24 and 36
     * months against InserSup's 18 and 30 (the release's horizons are 6, 12, 24 and 36 months).
     */
    public static List<MasterRow> compareMasters(
            Map<String, fr.passerelle.market.InserSup.Discipline> masters,
            fr.passerelle.recommend.OutcomeService outcomes) {
        List<MasterRow> rows = new ArrayList<>();
        masters.forEach((step, d) -> {
            fr.passerelle.recommend.Outcomes o = outcomes.outcomes(step, List.of(24, 36));
            rows.add(new MasterRow(
                    step,
                    d,
                    employed(o.outcomes().get(0)),
                    employed(o.outcomes().get(1))));
        });
        return rows;
    }

    private static Double employed(fr.passerelle.recommend.Outcomes.AtMonths at) {
        long job = 0;
        long other = 0;
        for (fr.passerelle.recommend.Outcomes.Situation s : at.situations()) {
            if (s.situation().equals("job")) {
                job += s.people();
            } else if (s.situation().equals("other")) {
                other += s.people();
            }
        }
        return job + other == 0 ? null : (double) job / (job + other);
    }

    public static String mastersTable(List<MasterRow> rows) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-22s %-28s %9s | %-17s | %-17s%n",
                "master",
                "InserSup discipline",
                "answers",
                "IS 18m / demo 24m",
                "IS 30m / demo 36m"));
        double[] gap = new double[2];
        int[] n = new int[2];
        for (MasterRow r : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-22s %-28s %9d | %-17s | %-17s%n",
                    r.step(),
                    r.official().code() + " "
                            + r.official()
                                    .label()
                                    .substring(
                                            0, Math.min(20, r.official().label().length())),
                    r.official().answers(),
                    pair(r.official().insertion18(), r.employed24()),
                    pair(r.official().insertion30(), r.employed36())));
            Double[][] both = {
                {r.official().insertion18(), r.employed24()}, {r.official().insertion30(), r.employed36()}
            };
            for (int i = 0; i < 2; i++) {
                if (both[i][0] != null && both[i][1] != null) {
                    gap[i] += Math.abs(both[i][0] - both[i][1]);
                    n[i]++;
                }
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "mean absolute gap (points): InserSup at 18 months against the release at 24 %.1f over %d masters, at 30 against 36 %.1f over %d%n",
                n[0] == 0 ? 0 : 100 * gap[0] / n[0],
                n[0],
                n[1] == 0 ? 0 : 100 * gap[1] / n[1],
                n[1]));
        return out.toString();
    }

    /** Where people who are neither studying nor working go in the demo flows (a search for a job). */
    static final String SEARCH = "RECHERCHE-EMPLOI";

    /**
     * Rewrites the demo's flows ({@code from,to,weight}) so that, for each step InserJeunes follows, the
     * weights leaving it split as the official shares: further study (to education steps) {@code study} (kept
     * as the flows have it when null),
     * then, of the rest, a job right away {@code employed6} and a job search (other situations) the
     * remainder, each group keeping its own proportions; a step without a flow to a job search gets one.
     * Other steps' rows are kept as they are. Returns the steps rewritten.
     */
    public static List<String> calibrateFlows(
            Path flowsIn, Path flowsOut, Map<String, Official> official, Catalogue catalogue) {
        List<String[]> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(flowsIn, StandardCharsets.UTF_8)) {
            for (CSVRecord row : fr.passerelle.files.Csv.WITH_HEADER.parse(r)) {
                rows.add(new String[] {row.get("from"), row.get("to"), row.get("weight")});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + flowsIn, e);
        }
        // By step: the weight going to education, to jobs, to other situations.
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (String[] row : rows) {
            double[] w = sums.computeIfAbsent(row[0], x -> new double[3]);
            w[group(catalogue, row[1])] += Double.parseDouble(row[2]);
        }
        List<String> rewritten = new ArrayList<>();
        Map<String, double[]> scale = new HashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            Official o = official.get(e.getKey());
            double[] w = e.getValue();
            if (o == null || o.employed6() == null || w[1] == 0) {
                continue;
            }
            double total = w[0] + w[1] + w[2];
            // A step the flows send to no education keeps it so (the demo invents no course): jobs and searches
            // then share all its weight. Without an official study share (InserSup leaves further study out), the
            // flows' own is kept.
            double study = w[0] == 0 ? 0 : o.study() == null ? w[0] / total : o.study();
            double[] target = {
                total * study, total * (1 - study) * o.employed6(), total * (1 - study) * (1 - o.employed6())
            };
            scale.put(e.getKey(), new double[] {
                w[0] == 0 ? 1 : target[0] / w[0], target[1] / w[1], w[2] == 0 ? 0 : target[2] / w[2]
            });
            if (w[2] == 0) {
                rows.add(new String[] {e.getKey(), SEARCH, Double.toString(target[2])});
                scale.get(e.getKey())[2] = 1;
            }
            rewritten.add(e.getKey());
        }
        try (java.io.Writer w = Files.newBufferedWriter(flowsOut, StandardCharsets.UTF_8);
                org.apache.commons.csv.CSVPrinter out = new org.apache.commons.csv.CSVPrinter(
                        w,
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader("from", "to", "weight")
                                .setRecordSeparator('\n')
                                .get())) {
            for (String[] row : rows) {
                double[] f = scale.get(row[0]);
                double weight = Double.parseDouble(row[2]) * (f == null ? 1 : f[group(catalogue, row[1])]);
                out.printRecord(row[0], row[1], weightText(weight));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + flowsOut, e);
        }
        return rewritten;
    }

    /** 0 education, 1 job, 2 any other situation. */
    private static int group(Catalogue catalogue, String code) {
        return switch (catalogue.find(code).map(CatalogueStep::kind).orElse(fr.passerelle.catalog.StepKind.OTHER)) {
            case EDUCATION -> 0;
            case JOB -> 1;
            case OTHER -> 2;
        };
    }

    private static String weightText(double weight) {
        double rounded = Math.max(0.1, Math.round(weight * 10) / 10.0);
        return rounded == Math.rint(rounded)
                ? Long.toString((long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }
}
