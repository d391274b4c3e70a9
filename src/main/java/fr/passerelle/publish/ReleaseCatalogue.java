package fr.passerelle.publish;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * The finite catalogue of released tables: their dimensions and bins. Nothing outside it is ever
 * counted for a reader; a question outside it is refused with the allowed values.
 */
public final class ReleaseCatalogue {
    /** Contiguous paths of 2 to this many steps ("people like you": at most 3 steps before the current one). */
    public static final int MAX_PATH_STEPS = 5;
    /** The longest path so far ({@code after}) a "where next" question may give. */
    public static final int MAX_AFTER = MAX_PATH_STEPS - 2;
    /** Outcomes are released at these months after a step's end. */
    public static final List<Integer> OUTCOME_MONTHS = List.of(6, 12, 24, 36);
    /** Reconversions are released for these maximum numbers of transitions. */
    public static final int MAX_RECONVERSION_STEPS = 4;
    /** Observed routes are released paths: at most this many transitions. */
    public static final int MAX_ROUTE_STEPS = MAX_PATH_STEPS - 1;
    /** Entry periods: 5-year bins of the year a step started, from this year on; earlier years form one bin. */
    static final int FIRST_PERIOD_YEAR = 1990;
    static final int PERIOD_YEARS = 5;
    static final String BEFORE = "before-" + FIRST_PERIOD_YEAR;

    private ReleaseCatalogue() {
    }

    /** The period of a start month ({@code year*12 + month - 1}), or null when unknown. */
    public static String period(int startMonth) {
        if (startMonth < 0) {
            return null;
        }
        int year = startMonth / 12;
        if (year < FIRST_PERIOD_YEAR) {
            return BEFORE;
        }
        int from = FIRST_PERIOD_YEAR + (year - FIRST_PERIOD_YEAR) / PERIOD_YEARS * PERIOD_YEARS;
        return from + "-" + (from + PERIOD_YEARS - 1);
    }

    /** Every period code up to the current year's, oldest first. */
    public static List<String> periods() {
        List<String> codes = new ArrayList<>();
        codes.add(BEFORE);
        for (int from = FIRST_PERIOD_YEAR; from <= Year.now().getValue() + PERIOD_YEARS; from += PERIOD_YEARS) {
            codes.add(from + "-" + (from + PERIOD_YEARS - 1));
        }
        return codes;
    }

    /** The period that is exactly the years {@code from..to}, or null when they are not one bin. */
    public static String periodOfYears(Integer from, Integer to) {
        if (from == null || to == null) {
            return null;
        }
        String code = from + "-" + to;
        return periods().contains(code) ? code : null;
    }

    /** First and last year of a period code (the first bin starts at year 0). */
    public static int[] years(String period) {
        if (period.equals(BEFORE)) {
            return new int[] {0, FIRST_PERIOD_YEAR - 1};
        }
        String[] p = period.split("-");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    /** The catalogue as the README and the processing register state it. */
    public static List<java.util.Map<String, String>> describe(boolean english) {
        String periods = String.join(", ", periods());
        String[][] rows = {
            {"steps", "step", english ? "people who passed through it, came to it from another step, left it for another" : "personnes passées par l'étape, arrivées d'une autre étape, parties vers une autre"},
            {"paths", "2 to " + MAX_PATH_STEPS + " consecutive steps", english ? "people who followed them, those who went on (transitions are the 2-step paths), share of the prefix's leavers, median months" : "personnes qui les ont suivies, celles qui ont continué (les transitions sont les chemins de 2 étapes), part, durée médiane"},
            {"step-regions", "step x region (18 INSEE regions)", english ? "people, leavers" : "personnes, partants"},
            {"region-transitions", "step x region x next step", english ? "people, share of the region's leavers, median months" : "personnes, part des partants de la région, durée médiane"},
            {"step-periods", "step x entry period (" + periods + ")", english ? "people, leavers" : "personnes, partants"},
            {"period-transitions", "step x entry period x next step", english ? "people, share, median months" : "personnes, part, durée médiane"},
            {"outcomes", "step x months after its end (" + OUTCOME_MONTHS + ") x situation (job by ROME domain, study, other)", english ? "cohort observed that long, people, share" : "cohorte observée, personnes, part"},
            {"reconversions", "job x maxSteps (1.." + MAX_RECONVERSION_STEPS + ") x ROME domain of the first later job elsewhere [x steps in between]", english ? "people" : "personnes"},
            {"bridge-routes", "step x next step x ROME domain of the job right after", english ? "people who did the three back to back" : "personnes ayant enchaîné les trois"},
            {"sources", "source", english ? "people" : "personnes"},
        };
        List<java.util.Map<String, String>> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(java.util.Map.of("table", r[0], "dimensions", r[1], "values", r[2]));
        }
        return out;
    }
}
