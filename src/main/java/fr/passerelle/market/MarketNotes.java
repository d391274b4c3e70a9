package fr.passerelle.market;

import java.io.IOException;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The notes of every ROME code the files cover: per code, the tension of its job family nationally
 * and in each region, and France Travail's national figures. Read from a folder holding
 * {@code tensions.csv}, {@code fap225_rome.csv} and {@code occupations_fr.csv} (as in
 * {@code ../shared/data/market}, documented by its {@code README_tensions.md}).
 *
 * @param notes by ROME code, then by geography ({@value #NATIONAL} or a region's INSEE code)
 * @param sources each file read, with what it is, its producer and year
 * @param unjoined what did not join, in words (a ROME code without a job family, a family without tension)
 */
public record MarketNotes(Map<String, Map<String, Note>> notes, List<Source> sources, List<String> unjoined) {
    public static final String NATIONAL = "FR";

    /**
     * What the files say of a job in one geography. Tension figures (DARES, quintiles 1..5 where 5 tends to
     * strong tension) are null where the family has no row; France Travail's only nationally.
     *
     * @param crosswalk how the ROME code reached its job family ("FAP D2Z40, the largest of 2 by employment")
     */
    public record Note(
            String rome,
            String geo,
            Integer year,
            String fap,
            String crosswalk,
            Integer tensionCategory,
            Double tension,
            Integer hiringIntensity,
            Integer trainingLink,
            Integer labourShortage,
            Integer nonDurableJobs,
            Integer workingConditions,
            Integer geographicMismatch,
            Integer medianAnnualSalary,
            Double medianHourlySalary,
            Integer jobSeekers,
            Integer offers,
            String franceTravailTension) {}

    public record Source(String file, String what, String producer, String year) {}

    public static final MarketNotes NONE = new MarketNotes(Map.of(), List.of(), List.of());

    public boolean isEmpty() {
        return notes.isEmpty();
    }

    private static volatile MarketNotes standard;

    /** The notes of {@link #folder()}, read once per process; {@link #NONE} when the files are not at hand. */
    public static MarketNotes standard() {
        MarketNotes s = standard;
        if (s == null) {
            Path dir = folder();
            s = dir == null ? NONE : load(dir);
            standard = s;
        }
        return s;
    }

    /**
     * Where the files are: {@code PASSERELLE_MARKET_DIR}, else {@code ../shared/data/market} beside the
     * working folder; null when neither holds them (releases then carry no market notes, and say so).
     */
    public static Path folder() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("PASSERELLE_MARKET_DIR");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of("..", "shared", "data", "market"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("tensions.csv")) && Files.isRegularFile(p.resolve("fap225_rome.csv"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    private record Tension(int employment, Integer category, Double value, Integer[] components, int year) {}

    public static MarketNotes load(Path dir) {
        List<String> unjoined = new ArrayList<>();
        // FAP -> geography -> tension (fap 225 rows only: the crosswalk is to FAP 225).
        Map<String, Map<String, Tension>> tensions = new HashMap<>();
        int year = 0;
        for (CSVRecord r : read(dir.resolve("tensions.csv"), ',')) {
            if (!r.get("niveau_fap").strip().equals("fap 225")) {
                continue;
            }
            String level = r.get("niveau_geo").strip();
            String geo;
            if (level.equals("nat")) {
                geo = NATIONAL;
            } else if (level.equals("reg")) {
                geo = regionCode(r.get("reg"));
            } else {
                continue;
            }
            int y = (int) number(r.get("Année"));
            year = Math.max(year, y);
            Integer[] components = {
                category(r.get("Intensité d'embauches")),
                category(r.get("Lien formation-emploi")),
                category(r.get("Manque de main-d'œuvre disponible")),
                category(r.get("Non-durabilité de l'emploi")),
                category(r.get("Conditions de travail contraignantes")),
                category(r.get("Inadéquation géographique"))
            };
            String value = r.get("Tension ").strip();
            tensions.computeIfAbsent(r.get("fap").strip(), x -> new HashMap<>())
                    .put(
                            geo,
                            new Tension(
                                    (int) number(r.get("Emploi moyen")),
                                    category(r.get("Catégorie Tension")),
                                    value.isEmpty() ? null : Double.valueOf(value),
                                    components,
                                    y));
        }
        // ROME -> its families in the crosswalk.
        Map<String, List<String>> families = new TreeMap<>();
        for (CSVRecord r : read(dir.resolve("fap225_rome.csv"), ';')) {
            String rome = r.get("Rome").strip();
            if (fr.passerelle.catalog.RomeCode.is(rome)) {
                families.computeIfAbsent(rome, x -> new ArrayList<>())
                        .add(r.get("Fap").strip());
            }
        }
        Map<String, CSVRecord> franceTravail = new HashMap<>();
        Path occupations = dir.resolve("occupations_fr.csv");
        if (Files.isRegularFile(occupations)) {
            for (CSVRecord r : read(occupations, ',')) {
                franceTravail.putIfAbsent(r.get("code_rome").strip(), r);
            }
        }
        Map<String, Map<String, Note>> notes = new TreeMap<>();
        java.util.Set<String> codes = new java.util.TreeSet<>(families.keySet());
        codes.addAll(franceTravail.keySet());
        for (String rome : codes) {
            List<String> faps = families.getOrDefault(rome, List.of()).stream()
                    .filter(tensions::containsKey)
                    .toList();
            String fap = faps.stream()
                    .max(java.util.Comparator.comparingInt(
                            (String f) -> tensions.get(f).containsKey(NATIONAL)
                                    ? tensions.get(f).get(NATIONAL).employment()
                                    : 0))
                    .orElse(null);
            String crosswalk;
            if (fap == null) {
                crosswalk = families.containsKey(rome)
                        ? "no tension row for its job families " + families.get(rome)
                        : "not in the ROME -> FAP 225 crosswalk";
                unjoined.add(rome + ": " + crosswalk);
            } else {
                crosswalk = faps.size() == 1
                        ? "FAP " + fap
                        : "FAP " + fap + ", the largest by employment of its " + faps.size() + " job families " + faps;
            }
            CSVRecord ft = franceTravail.get(rome);
            Map<String, Note> byGeo = new LinkedHashMap<>();
            Map<String, Tension> t = fap == null ? Map.of() : tensions.get(fap);
            java.util.Set<String> geos = new java.util.TreeSet<>(t.keySet());
            geos.add(NATIONAL);
            for (String geo : geos) {
                Tension x = t.get(geo);
                boolean national = geo.equals(NATIONAL);
                if (x == null && !(national && ft != null)) {
                    continue;
                }
                byGeo.put(
                        geo,
                        new Note(
                                rome,
                                geo,
                                x == null ? null : x.year(),
                                fap,
                                crosswalk,
                                x == null ? null : x.category(),
                                x == null ? null : x.value(),
                                x == null ? null : x.components()[0],
                                x == null ? null : x.components()[1],
                                x == null ? null : x.components()[2],
                                x == null ? null : x.components()[3],
                                x == null ? null : x.components()[4],
                                x == null ? null : x.components()[5],
                                national && ft != null ? integer(ft.get("salaire_median_annuel")) : null,
                                national && ft != null ? decimal(ft.get("salaire_median_horaire")) : null,
                                national && ft != null ? integer(ft.get("nombre_demandeurs")) : null,
                                national && ft != null ? integer(ft.get("nombre_offres")) : null,
                                national
                                                && ft != null
                                                && !ft.get("tension_desc").isBlank()
                                        ? ft.get("tension_desc").strip()
                                        : null));
            }
            if (!byGeo.isEmpty()) {
                notes.put(rome, byGeo);
            }
        }
        String tensionYear = year == 0 ? "" : Integer.toString(year);
        List<Source> sources = new ArrayList<>(List.of(
                new Source(
                        "tensions.csv",
                        "labour-market tension per job family (FAP 225), nationally and by region, with its six components"
                                + " (quintiles 1..5 of 2014-2018)",
                        "DARES / France Travail (StatDares, Les tensions sur le marché du travail)",
                        tensionYear),
                new Source("fap225_rome.csv", "job family (FAP 225) -> ROME code crosswalk", "DARES", "")));
        if (!franceTravail.isEmpty()) {
            sources.add(new Source(
                    "occupations_fr.csv",
                    "median annual and hourly salary, job seekers, offers and tension per ROME code, nationally",
                    "France Travail, statistiques du marché du travail",
                    ""));
        }
        return new MarketNotes(notes, sources, unjoined);
    }

    /** Writes {@code market.csv} and {@code market-sources.csv} for the steps {@code codes} names (jobs only join). */
    public void write(Path dir, Collection<String> codes) {
        try (CSVPrinter csv = printer(
                        dir.resolve("market.csv"),
                        "step",
                        "geo",
                        "year",
                        "fap",
                        "crosswalk",
                        "tensionCategory",
                        "tension",
                        "hiringIntensity",
                        "trainingLink",
                        "labourShortage",
                        "nonDurableJobs",
                        "workingConditions",
                        "geographicMismatch",
                        "medianAnnualSalary",
                        "medianHourlySalary",
                        "jobSeekers",
                        "offers",
                        "franceTravailTension");
                CSVPrinter src = printer(dir.resolve("market-sources.csv"), "file", "what", "producer", "year")) {
            for (String code : new java.util.TreeSet<>(codes)) {
                for (Note n : notes.getOrDefault(code, Map.of()).values()) {
                    csv.printRecord(
                            n.rome(),
                            n.geo(),
                            n.year(),
                            n.fap(),
                            n.crosswalk(),
                            n.tensionCategory(),
                            n.tension() == null ? null : String.format(Locale.ROOT, "%.4f", n.tension()),
                            n.hiringIntensity(),
                            n.trainingLink(),
                            n.labourShortage(),
                            n.nonDurableJobs(),
                            n.workingConditions(),
                            n.geographicMismatch(),
                            n.medianAnnualSalary(),
                            n.medianHourlySalary(),
                            n.jobSeekers(),
                            n.offers(),
                            n.franceTravailTension());
                }
            }
            for (Source s : sources) {
                src.printRecord(s.file(), s.what(), s.producer(), s.year());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the market notes in " + dir, e);
        }
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        return new CSVPrinter(
                Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header)
                        .setRecordSeparator('\n')
                        .get());
    }

    private static List<CSVRecord> read(Path file, char delimiter) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** tensions.csv writes region codes as numbers ("1.0" for Guadeloupe, "84.0"): the INSEE code, two digits. */
    static String regionCode(String text) {
        return String.format(Locale.ROOT, "%02d", (int) number(text));
    }

    private static double number(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : Double.parseDouble(t);
    }

    private static Integer category(String text) {
        String t = text.strip();
        return t.isEmpty() ? null : (int) Double.parseDouble(t);
    }

    private static Integer integer(String text) {
        String t = text.strip();
        return t.isEmpty() ? null : (int) Double.parseDouble(t);
    }

    private static Double decimal(String text) {
        String t = text.strip();
        return t.isEmpty() ? null : Double.valueOf(t);
    }
}
