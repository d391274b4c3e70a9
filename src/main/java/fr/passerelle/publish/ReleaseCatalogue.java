package fr.passerelle.publish;

import fr.passerelle.texts.Texts;
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
    /** The horizons asked when none is given: what became of graduates at 6, 12 and 24 months. */
    public static final List<Integer> DEFAULT_OUTCOME_MONTHS = List.of(6, 12, 24);
    /** The carrefour's horizons ({@code forks.csv}), months after leaving the step. */
    public static final List<Integer> FORK_MONTHS = List.of(12, 24, 36);
    /** The carrefour's situations, in the order of its cells and of every answer. */
    public static final List<String> FORK_SITUATIONS = List.of("jobInField", "jobOther", "study", "other");
    /** "How likely, how long"'s horizons ({@code reach.csv}), months after the step's start. */
    public static final List<Integer> REACH_MONTHS = List.of(12, 24, 36, 60, 120);
    /** Reconversions are released for these maximum numbers of transitions. */
    public static final int MAX_RECONVERSION_STEPS = 4;
    /** Observed routes are released paths: at most this many transitions. */
    public static final int MAX_ROUTE_STEPS = MAX_PATH_STEPS - 1;
    /** Entry periods: 5-year bins of the year a step started, from this year on; earlier years form one bin. */
    static final int FIRST_PERIOD_YEAR = 1990;

    static final int PERIOD_YEARS = 5;
    static final String BEFORE = "before-" + FIRST_PERIOD_YEAR;
    /**
     * Time spent at a step before leaving it ("since"): bins by their first month. Chosen from mvad's
     * 1,764 stays followed by another step (months: 0-5 662, 6-11 268, 12-23 406, 24-35 349, 36-59 120,
     * 60+ 9): school-to-work stays split at 6 months and at each school year; careers at 5 and 10 years.
     */
    static final List<Integer> SINCE_FROM = List.of(0, 6, 12, 24, 36, 60, 120);

    private ReleaseCatalogue() {}

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

    /** Every "since" bin code ({@code 0-5} … {@code 60-119}, {@code 120+}: months at the step), shortest first. */
    public static List<String> sinceBins() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < SINCE_FROM.size(); i++) {
            codes.add(
                    i + 1 < SINCE_FROM.size()
                            ? SINCE_FROM.get(i) + "-" + (SINCE_FROM.get(i + 1) - 1)
                            : SINCE_FROM.get(i) + "+");
        }
        return codes;
    }

    /** The index of the "since" bin holding {@code months} at a step, -1 when unknown (negative). */
    public static int sinceIndex(int months) {
        if (months < 0) {
            return -1;
        }
        int bin = 0;
        while (bin + 1 < SINCE_FROM.size() && months >= SINCE_FROM.get(bin + 1)) {
            bin++;
        }
        return bin;
    }

    /** First and last month of a "since" bin (the last one open: -1). */
    public static int[] sinceMonths(String code) {
        int i = sinceBins().indexOf(code);
        return new int[] {SINCE_FROM.get(i), i + 1 < SINCE_FROM.size() ? SINCE_FROM.get(i + 1) - 1 : -1};
    }

    /**
     * Months spent at a step: from its start to its end, both months included, or to the next step's
     * start when its end is unknown; -1 when neither is known (or the dates contradict each other).
     */
    public static int monthsAt(int start, int end, int nextStart) {
        if (start < 0) {
            return -1;
        }
        if (end >= start) {
            return end - start + 1;
        }
        return nextStart >= start ? nextStart - start : -1;
    }

    /** The exit cohort (3-year bin, as {@code 2016-2018}) the year belongs to. */
    public static String exitCohortOf(int year) {
        return CohortOutcomes.bins().get(CohortOutcomes.bin(year * 12));
    }

    /** The catalogue as the README and the processing register state it (texts/release-tables.*.json). */
    public static List<java.util.Map<String, String>> describe(boolean english) {
        java.util.Map<String, Object> tables = Texts.strings(
                "release-tables",
                Texts.Language.of(english),
                java.util.Map.of(
                        "maxPathSteps", MAX_PATH_STEPS,
                        "periods", String.join(", ", periods()),
                        "sinceBins", String.join(", ", sinceBins()),
                        "outcomeMonths", String.valueOf(OUTCOME_MONTHS),
                        "maxReconversionSteps", MAX_RECONVERSION_STEPS));
        List<java.util.Map<String, String>> out = new ArrayList<>();
        tables.forEach((table, text) -> {
            java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
            row.put("table", table);
            row.putAll(Texts.asStrings(text));
            out.add(row);
        });
        return out;
    }
}
