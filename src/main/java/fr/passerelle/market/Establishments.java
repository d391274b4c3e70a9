package fr.passerelle.market;

import fr.passerelle.catalog.Regions;
import fr.passerelle.catalog.Uai;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Real establishments from the official open data, read at run time (never shipped): vocational lycées
 * and apprentice centres with their UAI, name and InserJeunes shares from the DEPP's per-establishment
 * files, universities with their UAI from InserSup's master insertion file. Their region is the one of
 * the UAI's département. The demo places its people's vocational and university steps in them; the
 * establishment pages set an establishment's official figure beside Passerelle's.
 */
public record Establishments(List<Establishment> all) {
    public static final Establishments NONE = new Establishments(List.of());

    /** What an establishment is: where CAP, bac pro and BTS are taught, or a university. */
    public enum Kind {
        LYCEE,
        APPRENTICE_CENTRE,
        UNIVERSITY
    }

    /**
     * @param employed6 InserJeunes' share of leavers in a job 6 months after leaving (percent, null where not
     *     published); @param study their share in further study
     */
    public record Establishment(
            String uai, String name, String region, Kind kind, Integer employed6, Integer study, Masters masters) {
        public Establishment(String uai, String name, String region, Kind kind, Integer employed6, Integer study) {
            this(uai, name, region, kind, employed6, study, null);
        }
    }

    /**
     * A university's masters in InserSup (SIES), its latest diploma year, 30 months after the diploma, every
     * discipline together (the files' "ensemble" rows of each domain, so no discipline counts twice).
     *
     * @param insertion the respondents' insertion rate, percent, weighted by respondents (null when none published)
     * @param respondents the survey's respondents
     * @param graduates the graduates they stand for: each row's respondents over its response rate, added up
     */
    public record Masters(int year, Integer insertion, int respondents, int graduates) {}

    /** InserSup's disciplines that add up each domain (the others are parts of them). */
    private static final java.util.Set<String> DOMAIN_WHOLES =
            java.util.Set.of("disc01", "disc06", "disc07", "disc12", "disc18");

    private static volatile Establishments standard;
    private static final String PRO = "depp-2022-etablissements-2022_2023-pro.csv";
    private static final String APPRENTICES = "depp-2022-etablissements-2022_2023-apprentissage.csv";
    private static final String MASTERS = "fr-esr-insertion_professionnelle-master.csv";

    /** The establishments of {@code ../shared/data} (or the PASSERELLE_INSERJEUNES_DIR / _INSERSUP_DIR folders); none without the files. */
    public static Establishments standard() {
        Establishments s = standard;
        if (s == null) {
            s = load(standardInserJeunes(), standardInserSup());
            standard = s;
        }
        return s;
    }

    private static Path standardInserJeunes() {
        return Path.of(InserJeunes.env("PASSERELLE_INSERJEUNES_DIR", "../shared/data/inserjeunes"));
    }

    private static Path standardInserSup() {
        return Path.of(InserJeunes.env("PASSERELLE_INSERSUP_DIR", "../shared/data/insersup"));
    }

    /** The files {@link #standard} reads (present or not), without reading them: what a prepared demo depended on. */
    public static List<Path> standardFiles() {
        List<Path> files = new java.util.ArrayList<>();
        for (Path f : List.of(
                standardInserJeunes().resolve(PRO), standardInserJeunes().resolve(APPRENTICES))) {
            files.add(f.toAbsolutePath().normalize());
        }
        files.add(standardInserSup().resolve(MASTERS).toAbsolutePath().normalize());
        return files;
    }

    /** The establishments of the files present in these folders (either may be missing). */
    public static Establishments load(Path inserJeunesDir, Path inserSupDir) {
        Regions regions = Regions.bundled();
        Map<String, Establishment> found = new LinkedHashMap<>();
        Path pro = inserJeunesDir.resolve(PRO);
        Path apprentices = inserJeunesDir.resolve(APPRENTICES);
        for (Path file : List.of(pro, apprentices)) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Kind kind = file.equals(pro) ? Kind.LYCEE : Kind.APPRENTICE_CENTRE;
            for (CSVRecord r : InserJeunes.read(file)) {
                // The lycées' file has one row per public ("ensemble", "dont apprentis", ...): the whole is "ensemble".
                if (r.isMapped("Dont apprentis en EPLE")
                        && !r.get("Dont apprentis en EPLE").equals("ensemble")) {
                    continue;
                }
                String uai =
                        Uai.normalise(column(r, "n°UAI de l'établissement")).orElse(null);
                String region = uai == null ? null : region(uai, regions);
                if (region != null) {
                    found.putIfAbsent(
                            uai,
                            new Establishment(
                                    uai,
                                    column(r, "Libellé de l'établissement"),
                                    region,
                                    kind,
                                    percent(column(r, "Part en emploi 6 mois après la sortie")),
                                    percent(column(r, "Part en poursuite d'études"))));
                }
            }
        }
        Path masters = inserSupDir.resolve(MASTERS);
        Map<String, Masters> mastersOf = Files.isRegularFile(masters) ? masters(masters) : Map.of();
        if (Files.isRegularFile(masters)) {
            for (CSVRecord r : InserJeunes.read(masters)) {
                String uai =
                        Uai.normalise(column(r, "numero_de_l_etablissement")).orElse(null);
                String region = uai == null ? null : region(uai, regions);
                if (region != null) {
                    found.putIfAbsent(
                            uai,
                            new Establishment(
                                    uai,
                                    column(r, "etablissement"),
                                    region,
                                    Kind.UNIVERSITY,
                                    null,
                                    null,
                                    mastersOf.get(uai)));
                }
            }
        }
        return new Establishments(List.copyOf(found.values()));
    }

    /** Each university's masters at its latest diploma year, 30 months on ({@link Masters}). */
    private static Map<String, Masters> masters(Path file) {
        Map<String, Integer> latest = new java.util.HashMap<>();
        List<CSVRecord> rows = new ArrayList<>();
        for (CSVRecord r : InserJeunes.read(file)) {
            String uai = Uai.normalise(column(r, "numero_de_l_etablissement")).orElse(null);
            Integer year = percent(column(r, "annee"));
            if (uai == null
                    || year == null
                    || !DOMAIN_WHOLES.contains(String.valueOf(column(r, "code_de_la_discipline")))
                    || !String.valueOf(column(r, "situation")).startsWith("30 mois")) {
                continue;
            }
            rows.add(r);
            latest.merge(uai, year, Math::max);
        }
        Map<String, double[]> sums = new java.util.HashMap<>();
        for (CSVRecord r : rows) {
            String uai = Uai.normalise(column(r, "numero_de_l_etablissement")).orElseThrow();
            if (!percent(column(r, "annee")).equals(latest.get(uai))) {
                continue;
            }
            Integer respondents = percent(column(r, "nombre_de_reponses"));
            Integer rate = percent(column(r, "taux_de_reponse"));
            Integer insertion = percent(column(r, "taux_dinsertion"));
            if (respondents == null || respondents <= 0) {
                continue;
            }
            double[] s = sums.computeIfAbsent(uai, x -> new double[4]);
            s[0] += respondents;
            if (rate != null && rate > 0) {
                s[1] += respondents * 100.0 / rate;
            }
            if (insertion != null) {
                s[2] += insertion * (double) respondents;
                s[3] += respondents;
            }
        }
        Map<String, Masters> out = new java.util.HashMap<>();
        sums.forEach((uai, s) -> out.put(
                uai, new Masters(latest.get(uai), s[3] == 0 ? null : (int) Math.round(s[2] / s[3]), (int) s[0], (int)
                        Math.round(s[1]))));
        return out;
    }

    /** The establishment of this code, if the files name it. */
    public java.util.Optional<Establishment> find(String uai) {
        return all.stream().filter(e -> e.uai().equals(uai)).findFirst();
    }

    /** The establishments of a kind in a region, in the files' order. */
    public List<Establishment> in(String region, Kind kind) {
        List<Establishment> out = new ArrayList<>();
        for (Establishment e : all) {
            if (e.region().equals(region) && e.kind() == kind) {
                out.add(e);
            }
        }
        return out;
    }

    /** The region of a UAI's département (its first three characters: 075, 620 for Corse-du-Sud, 971...). */
    static String region(String uai, Regions regions) {
        String dep = uai.substring(0, 3);
        String department = switch (dep) {
            case "620" -> "2A";
            case "720" -> "2B";
            default -> dep.startsWith("97") ? dep : dep.substring(1);
        };
        return regions.normalise("dep:" + department).orElse(null);
    }

    private static Integer percent(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null; // "nd": not published
        }
    }

    /** A column whatever the spaces after its name (the apprentice file has some) or a leading byte-order mark. */
    private static String column(CSVRecord r, String name) {
        for (String header : r.getParser().getHeaderNames()) {
            if (header.replace("\uFEFF", "").trim().equals(name)) {
                return r.get(header);
            }
        }
        return null;
    }
}
