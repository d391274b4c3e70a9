package fr.passerelle.market;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.CatalogueStep;
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
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * InserJeunes' national figures for the catalogue's vocational steps (DEPP / DARES, per region, diploma,
 * millésime and route, added up): final-year students, leavers, further study and employment at 6 and
 * 12 months. Steps join through their certifications' CFD (Certif Info's {@code Code_Scolarité}) and the
 * BCN's MEF table. Public, non-personal figures: the publication ships each step's headcount so that an
 * answer can say how much of a year's official cohort the release holds; the demo's calibration compares
 * its shares with them.
 *
 * @param byStep the figures of each step InserJeunes follows
 * @param millesimes the school years the figures add up ({@code 2019_2020} ...)
 */
public record InserJeunes(Map<String, Figures> byStep, List<String> millesimes) {
    public static final InserJeunes NONE = new InserJeunes(Map.of(), List.of());

    public static final String SOURCE =
            "InserJeunes (DEPP / DARES), per region, diploma and millésime, all routes, added up nationally";

    /** Sums over the millésimes; shares null without a denominator. */
    public record Figures(long finalYear, long leavers, Double study, Double employed6, Double employed12) {}

    private static volatile InserJeunes standard;

    /** The bundled catalogue's figures from {@link #folders()}, read once; {@link #NONE} without the files. */
    public static InserJeunes standard() {
        InserJeunes s = standard;
        if (s == null) {
            Path[] dirs = folders();
            s = dirs == null ? NONE : load(Catalogue.bundled(), dirs[0], dirs[1]);
            standard = s;
        }
        return s;
    }

    /**
     * The Certif Info folder and the InserJeunes folder: {@code PASSERELLE_DIPLOMAS_DIR} and
     * {@code PASSERELLE_INSERJEUNES_DIR}, else {@code ../shared/data/diplomas} and {@code ../shared/data/inserjeunes};
     * null when the files are not there.
     */
    public static Path[] folders() {
        Path diplomas = Path.of(env("PASSERELLE_DIPLOMAS_DIR", "../shared/data/diplomas"));
        Path ij = Path.of(env("PASSERELLE_INSERJEUNES_DIR", "../shared/data/inserjeunes"));
        return Files.isRegularFile(diplomas.resolve("formation_rome.csv"))
                        && Files.isRegularFile(ij.resolve("ij_region_data.csv"))
                        && Files.isRegularFile(ij.resolve("nMef.csv"))
                ? new Path[] {
                    diplomas.toAbsolutePath().normalize(), ij.toAbsolutePath().normalize()
                }
                : null;
    }

    static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    static List<CSVRecord> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fr.passerelle.files.Csv.SEMICOLON_WITH_HEADER.parse(r).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A column, whether or not the file starts with a byte-order mark. */
    private static String get(CSVRecord r, String column) {
        if (r.isMapped(column)) {
            return r.get(column);
        }
        return r.isMapped("\uFEFF" + column) ? r.get("\uFEFF" + column) : "";
    }

    public static InserJeunes load(Catalogue catalogue, Path diplomasDir, Path inserJeunesDir) {
        Map<String, String> cfdOfCertification = new HashMap<>();
        for (CSVRecord r : read(diplomasDir.resolve("formation_rome.csv"))) {
            String cfd = get(r, "Code_Scolarité");
            if (!cfd.isEmpty()) {
                cfdOfCertification.putIfAbsent(get(r, "Code_Diplome"), cfd);
            }
        }
        Map<String, String> cfdOfMef = new HashMap<>();
        for (CSVRecord r : read(inserJeunesDir.resolve("nMef.csv"))) {
            cfdOfMef.put(get(r, "MEF_STAT_11"), get(r, "FORMATION_DIPLOME"));
        }
        // CFD -> sums: final year, further study, leavers, employed at 6 and 12 months.
        Map<String, long[]> sums = new HashMap<>();
        TreeSet<String> millesimes = new TreeSet<>();
        for (CSVRecord r : read(inserJeunesDir.resolve("ij_region_data.csv"))) {
            String cfd = get(r, "cfd");
            if (cfd.isEmpty()) {
                cfd = cfdOfMef.getOrDefault(get(r, "mefstat11"), "");
            }
            if (cfd.isEmpty()) {
                continue;
            }
            if (!get(r, "millesime").isEmpty()) {
                millesimes.add(get(r, "millesime"));
            }
            long[] s = sums.computeIfAbsent(cfd, x -> new long[5]);
            s[0] += number(get(r, "nb_annee_term"));
            s[1] += number(get(r, "nb_poursuite_etudes"));
            s[2] += number(get(r, "nb_sortant"));
            s[3] += number(get(r, "nb_en_emploi_6_mois"));
            s[4] += number(get(r, "nb_en_emploi_12_mois"));
        }
        Map<String, Figures> byStep = new LinkedHashMap<>();
        for (CatalogueStep step : catalogue.steps()) {
            long[] total = new long[5];
            boolean found = false;
            for (String certification : step.targets().certifications()) {
                long[] s = sums.get(cfdOfCertification.getOrDefault(certification, ""));
                if (s != null) {
                    found = true;
                    for (int i = 0; i < 5; i++) {
                        total[i] += s[i];
                    }
                }
            }
            if (found && total[0] > 0) {
                byStep.put(
                        step.code(),
                        new Figures(
                                total[0],
                                total[2],
                                share(total[1], total[0]),
                                share(total[3], total[2]),
                                share(total[4], total[2])));
            }
        }
        return new InserJeunes(byStep, new ArrayList<>(millesimes));
    }

    private static long number(String text) {
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0; // InserJeunes blanks or masks small counts
        }
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Writes {@code official-headcounts.csv}: per step the release names, final-year students per millésime. */
    public void write(Path dir, java.util.Collection<String> codes) {
        try (CSVPrinter csv = new CSVPrinter(
                Files.newBufferedWriter(dir.resolve("official-headcounts.csv"), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader("step", "finalYearPerYear", "millesimes", "officialSource")
                        .setRecordSeparator('\n')
                        .get())) {
            for (String code : new TreeSet<>(codes)) {
                Figures f = byStep.get(code);
                if (f != null && !millesimes.isEmpty()) {
                    csv.printRecord(
                            code,
                            Math.round((double) f.finalYear() / millesimes.size()),
                            String.join(";", millesimes),
                            SOURCE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the official headcounts in " + dir, e);
        }
    }
}
