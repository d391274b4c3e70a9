package fr.passerelle.publish;

import fr.passerelle.catalog.StepKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every released table's cells, counted from the person records in one pass: for each cell the
 * number of distinct people in it and the sum of their record keys (the cell key), plus the months
 * behind its median where the table has durations. Nothing here is released as is: {@link Publisher}
 * perturbs and thresholds each cell.
 */
final class ReleaseTables {
    /**
     * One person record as the publication reads it: step indexes, months (-1 unknown), region indexes (-1
     * unknown), establishment indexes (-1 unknown; null when the record names none).
     */
    record Person(
            long recordKey,
            int source,
            int[] steps,
            int[] starts,
            int[] ends,
            int[] regions,
            int collectedMonth,
            int contributor,
            int[] institutions) {
        /** A person as collected or imported (not contributed through an app key), without establishments. */
        Person(long recordKey, int source, int[] steps, int[] starts, int[] ends, int[] regions, int collectedMonth) {
            this(recordKey, source, steps, starts, ends, regions, collectedMonth, -1, null);
        }

        Person(
                long recordKey,
                int source,
                int[] steps,
                int[] starts,
                int[] ends,
                int[] regions,
                int collectedMonth,
                int contributor) {
            this(recordKey, source, steps, starts, ends, regions, collectedMonth, contributor, null);
        }

        /** The establishment of the step at position i, -1 when not known. */
        int institution(int i) {
            return institutions == null ? -1 : institutions[i];
        }
    }

    /**
     * Months for a median, as a short list while few, then as a histogram of 0..120 months: a cell's
     * memory stops growing with its people (at 10M people a list per cell would hold hundreds of MiB).
     */
    static final class Durations {
        private static final int LIST = 32;
        private static final int MAX_MONTHS = 120;
        private int[] months = new int[4];
        private boolean histogram;
        private int timed;

        void add(int monthsBetween) {
            int m = Math.min(monthsBetween, MAX_MONTHS);
            if (!histogram && timed == months.length) {
                if (timed < LIST) {
                    months = Arrays.copyOf(months, timed * 2);
                } else {
                    int[] bins = new int[MAX_MONTHS + 1];
                    for (int i = 0; i < timed; i++) {
                        bins[months[i]]++;
                    }
                    months = bins;
                    histogram = true;
                }
            }
            if (histogram) {
                months[m]++;
                timed++;
            } else {
                months[timed++] = m;
            }
        }

        int timed() {
            return timed;
        }

        /** The lower median, as Cypher's percileDisc(…, 0.5) gives it. */
        Integer median() {
            if (timed == 0) {
                return null;
            }
            int rank = (int) Math.ceil(0.5 * timed) - 1;
            if (histogram) {
                int seen = 0;
                for (int m = 0; m <= MAX_MONTHS; m++) {
                    seen += months[m];
                    if (seen > rank) {
                        return m;
                    }
                }
                throw new IllegalStateException("median beyond the histogram");
            }
            int[] sorted = Arrays.copyOf(months, timed);
            Arrays.sort(sorted);
            return sorted[rank];
        }
    }

    /**
     * Distinct people and the sum of their record keys; for transitions, the months of each person's
     * first passage twice: from the start of the step to the start of the next, and from the end of
     * the step to the start of the next (the wait people mean by "how long until").
     */
    static final class Cell {
        long people;
        long key;
        private int last = -1;
        private Durations months;
        private Durations gaps;
        private int contributed;

        /** Counts {@code person} once; true the first time. */
        boolean add(int person, long recordKey) {
            if (last == person) {
                return false;
            }
            last = person;
            people++;
            key += recordKey;
            return true;
        }

        /** Counts {@code person} once, with the months start to start and end to start (each -1 when unknown). */
        void add(int person, long recordKey, int monthsBetween, int monthsAfterEnd) {
            if (add(person, recordKey)) {
                if (monthsBetween >= 0) {
                    if (months == null) {
                        months = new Durations();
                    }
                    months.add(monthsBetween);
                }
                if (monthsAfterEnd >= 0) {
                    if (gaps == null) {
                        gaps = new Durations();
                    }
                    gaps.add(monthsAfterEnd);
                }
            }
        }

        int timed() {
            return months == null ? 0 : months.timed();
        }

        void contributed() {
            contributed++;
        }

        /**
         * The people of the cell who came through an app key (contributions). The k test is taken
         * without them: no app, and no number of colluding apps, can lift a cell over k with people it
         * invented, and so learn from the release whether anybody really is in it. (The dominance rule of
         * statistical disclosure control would leave out the largest key only; two colluding keys then
         * read every membership: 16 of 16 in SybilTest before this rule.)
         */
        int contributedPeople() {
            return contributed;
        }

        /** The median months from the start of the step to the start of the next (null: none timed). */
        Integer median() {
            return months == null ? null : months.median();
        }

        int timedAfterEnd() {
            return gaps == null ? 0 : gaps.timed();
        }

        /** The median months from the end of the step to the start of the next (null: none timed). */
        Integer medianAfterEnd() {
            return gaps == null ? null : gaps.median();
        }
    }

    static final int STEP_IN = 1;
    static final int REGION = 2;
    static final int REGION_LEAVING = 3;
    static final int REGION_NEXT = 4;
    static final int PERIOD = 5;
    static final int PERIOD_LEAVING = 6;
    static final int PERIOD_NEXT = 7;
    static final int OUTCOME_COHORT = 8;
    static final int OUTCOME = 9;
    static final int RECONVERSION = 10;
    static final int RECONVERSION_ROUTE = 11;
    static final int BRIDGE_ROUTE = 12;
    static final int SOURCE = 13;
    static final int EVERYONE = 14;
    static final int SINCE = 15;
    static final int SINCE_LEAVING = 16;
    static final int SINCE_NEXT = 17;
    /** People contributed through each app key (the register's "what each app contributed"). */
    static final int CONTRIBUTOR = 18;
    /** Fit of a step's leavers with its target jobs: (step, outcome months index, {@link FitTargets} situation). */
    static final int FIT = 19;
    /** The fit's denominator, counted from records: the step's leavers observed that long and not in further study. */
    static final int FIT_BASE = 20;
    /** The job held that long after the step: (step, outcome months index, job step). */
    static final int FIT_JOB = 21;
    /** Leavers by exit cohort: (step, {@link CohortOutcomes#coordinate} of horizon and bin, 0). */
    static final int EXIT_COHORT = 22;
    /** Their situation: (step, the same coordinate, job 0 / study 1 / other 2). */
    static final int EXIT_OUTCOME = 23;
    /** Leavers of a {@link Families} family (its first step they left): (family, outcome months index, 0). */
    static final int FAMILY_COHORT = 24;
    /** Their situation: (family, outcome months index, job 0 / study 1 / other 2). */
    static final int FAMILY_OUTCOME = 25;
    /** Leavers by the region of the step: (step, {@link RegionalOutcomes#coordinate} of horizon and region, 0). */
    static final int REGION_COHORT = 26;
    /** Their situation: (step, the same coordinate, job 0 / study 1 / other 2). */
    static final int REGION_OUTCOME = 27;
    /** Leavers in a job that long after, by the region of the step: (step, {@link RegionalOutcomes#coordinate}, 0). */
    static final int MOBILITY_BASE = 28;
    /** Of them, working in the step's region 0, in another 1, region unknown 2: (step, the same coordinate, class). */
    static final int MOBILITY = 29;
    /** Of those in another region, by that region: (step, the same coordinate, region index). */
    static final int MOBILITY_TO = 30;
    /** a: a level family ({@link Families}, group level), b: {@link RegionalOutcomes#coordinate}, c: 0. */
    static final int REGION_LEVEL_COHORT = 31;
    /** As REGION_LEVEL_COHORT, c: the situation (job, study, other). */
    static final int REGION_LEVEL_OUTCOME = 32;
    /** a: a level (0 every level), b: {@link FirstJobFlows#coordinate}, c: {@link FirstJobFlows} class or region. */
    static final int FIRST_JOB = 33;

    // Establishment tables ({@link InstitutionTables}): released into the release's private part only, read by the
    // establishment's own key. c is the establishment's index (times 4 plus the situation for outcomes).
    /** People of a step at an establishment: a: step, b: entry bin ({@link CohortOutcomes#bin}) or ALL_YEARS. */
    static final int INSTITUTION_PEOPLE = 34;
    /** Leavers observed that long: a: step, b: {@link CohortOutcomes#coordinate} (exit bin or ALL_YEARS). */
    static final int INSTITUTION_COHORT = 35;
    /** Their situation: as INSTITUTION_COHORT, c: establishment * 4 + job 0 / study 1 / other 2. */
    static final int INSTITUTION_OUTCOME = 36;
    /** People who left the step at the establishment for a next step: a: step, b: 0. */
    static final int INSTITUTION_LEAVING = 37;
    /** Their next step: a: step, b: the next step. */
    static final int INSTITUTION_NEXT = 38;
    /** Everyone with a step at the establishment: a: 0, b: 0 (the administrators' list). */
    static final int INSTITUTION_EVERYONE = 39;
    /**
     * Of an establishment's leavers in a job (INSTITUTION_OUTCOME's job), the job's fit with the step's target jobs:
     * as INSTITUTION_COHORT, c: establishment * 4 + {@link FitTargets} target / same field / same domain / other
     * domain. Only for steps with target jobs.
     */
    static final int INSTITUTION_FIT = 40;
    /**
     * The roads from a step ({@link Forks}): a: step, b: the next step (or {@link Forks#OTHER_DOMAIN_JOB}), c:
     * {@link Forks#roadCell} (the time spent at the step's slot, 0 for everyone, and the horizon's index in
     * {@link Forks#MONTHS}); the people observed that long after the step's end.
     */
    static final int FORK_ROAD = 41;
    /** What became of them: as FORK_ROAD, c: {@link Forks#situationCell} (since slot, horizon, situation). */
    static final int FORK = 42;
    /** People who started a step observed long after its start ({@link Reaches}): a: step, b: horizon index. */
    static final int REACH_BASE = 43;
    /**
     * Of them, those who had started a job (b: its index) or a job of a domain (b: {@link Reaches#DOMAIN} + the
     * domain's index) within that horizon: c: horizon index.
     */
    static final int REACH = 44;
    /** Everyone seen starting that job or domain after the step, with the months from the step's start: c: 0. */
    static final int REACH_TIME = 45;
    /** The {@code b} bin (or exit bin within a coordinate) that stands for every year. */
    static final int ALL_YEARS = 63;

    // Tables keyed by a long: table << 58 | a << 42 | b << 26 | c (a and b are step indexes at most: 65,535 steps).
    // Tables from 32 on set the sign bit: keys are only ever taken apart with >>>, never compared as numbers.

    static long key(int table, long a, long b, long c) {
        if (table >= 1 << 6 || a >= 1L << 16 || b >= 1L << 16 || c >= 1L << 26) {
            throw new IllegalStateException(
                    "a released table outgrew its key (table " + table + ": " + a + ", " + b + ", " + c + ")");
        }
        return (long) table << 58 | a << 42 | b << 26 | c;
    }

    static int table(long key) {
        return (int) (key >>> 58);
    }

    static int a(long key) {
        return (int) (key >>> 42 & ((1 << 16) - 1));
    }

    static int b(long key) {
        return (int) (key >>> 26 & ((1 << 16) - 1));
    }

    static int c(long key) {
        return (int) (key & ((1 << 26) - 1));
    }

    final LongMap<Cell> cells = new LongMap<>();

    // The path trie: node 0 is the empty path; every contiguous path of 1..MAX_PATH_STEPS steps is a node.
    private final LongMap<Integer> children = new LongMap<>();
    final List<Cell> pathPeople = new ArrayList<>();
    final List<Cell> pathLeaving = new ArrayList<>();
    /** Per path, the months of its last transition only: "where next" after a path gives that duration. */
    final List<Cell> pathLastHop = new ArrayList<>();

    private int[] parent = new int[1024];
    private int[] lastStep = new int[1024];
    private int[] length = new int[1024];

    private final StepKind[] kinds;
    private final int[] domains; // domain index of each step, -1 none
    private final int[] levels; // education level of each step, 0 none
    private final List<String> situations = new ArrayList<>(List.of("study", "other"));

    private final FitTargets fit;
    private final Families families;
    /** Per family, the last person counted in it: a person counts once per family, at the first step of it they left. */
    private final int[] familyCounted;

    ReleaseTables(StepKind[] kinds, int[] domains, int domainCount) {
        this(kinds, domains, domainCount, FitTargets.none(), Families.none());
    }

    ReleaseTables(StepKind[] kinds, int[] domains, int domainCount, FitTargets fit, Families families) {
        this.kinds = kinds;
        this.domains = domains;
        this.fit = fit;
        this.families = families;
        this.levels = families.levels(kinds.length);
        this.familyCounted = new int[families.size()];
        Arrays.fill(familyCounted, -1);
        pathPeople.add(new Cell());
        pathLeaving.add(new Cell());
        pathLastHop.add(new Cell());
        parent[0] = -1;
        lastStep[0] = -1;
        for (int d = 0; d < domainCount; d++) {
            situations.add("job:" + d);
        }
    }

    Families families() {
        return families;
    }

    int paths() {
        return pathPeople.size();
    }

    int parent(int node) {
        return parent[node];
    }

    int lastStep(int node) {
        return lastStep[node];
    }

    int length(int node) {
        return length[node];
    }

    String situation(int index) {
        return situations.get(index);
    }

    Cell cell(long key) {
        return cells.computeIfAbsent(key, k -> new Cell());
    }

    /** The cell of {@code key}, null when nobody is in it. */
    Cell get(long key) {
        return cells.get(key);
    }

    private int child(int node, int step) {
        long k = (long) node << 20 | step;
        Integer c = children.get(k);
        if (c != null) {
            return c;
        }
        int id = pathPeople.size();
        if (id == parent.length) {
            parent = Arrays.copyOf(parent, id * 2);
            lastStep = Arrays.copyOf(lastStep, id * 2);
            length = Arrays.copyOf(length, id * 2);
        }
        parent[id] = node;
        lastStep[id] = step;
        length[id] = length[node] + 1;
        pathPeople.add(new Cell());
        pathLeaving.add(new Cell());
        pathLastHop.add(new Cell());
        children.computeIfAbsent(k, x -> id);
        return id;
    }

    /** The node of the contiguous path {@code steps[from..to)} (0 for an empty one); it exists once counted. */
    int node(int[] steps, int from, int to) {
        int node = 0;
        for (int i = from; i < to; i++) {
            node = children.get((long) node << 20 | steps[i]);
        }
        return node;
    }

    // The person being counted: every cell they enter goes through add(), which also notes their app key.
    private int personIndex;
    private long recordKey;
    private int contributor = -1;

    private void add(Cell cell) {
        if (cell.add(personIndex, recordKey) && contributor >= 0) {
            cell.contributed();
        }
    }

    private void add(Cell cell, int months) {
        add(cell, months, -1);
    }

    private void add(Cell cell, int months, int afterEnd) {
        boolean first = cell.last != personIndex;
        cell.add(personIndex, recordKey, months, afterEnd);
        if (first && contributor >= 0) {
            cell.contributed();
        }
    }

    void count(int p, Person person) {
        this.personIndex = p;
        this.recordKey = person.recordKey();
        this.contributor = person.contributor();
        int[] s = person.steps();
        int[] start = person.starts();
        int n = s.length;
        long rk = person.recordKey();
        add(cell(key(EVERYONE, 0, 0, 0)));
        // How many people each source and each app key gave: counted as they are (they say what was sent, not where
        // anybody went), so the register can show contributions.
        cell(key(SOURCE, person.source(), 0, 0)).add(p, recordKey);
        if (contributor >= 0) {
            cell(key(CONTRIBUTOR, contributor, 0, 0)).add(p, recordKey);
        }
        for (int i = 0; i < n; i++) {
            int node = 0;
            for (int len = 1; len <= ReleaseCatalogue.MAX_PATH_STEPS && i + len <= n; len++) {
                int last = i + len - 1;
                node = child(node, s[last]);
                add(
                        pathPeople.get(node),
                        len >= 2 ? between(start, i, last) : -1,
                        len == 2 ? afterEnd(person, i, last) : -1);
                if (len >= 3) {
                    add(pathLastHop.get(node), between(start, last - 1, last), afterEnd(person, last - 1, last));
                }
                if (last + 1 < n) {
                    add(pathLeaving.get(node));
                }
            }
            if (i > 0) {
                add(cell(key(STEP_IN, s[i], 0, 0)));
            }
            int region = person.regions()[i];
            if (region >= 0) {
                add(cell(key(REGION, s[i], region, 0)));
                if (i + 1 < n) {
                    add(cell(key(REGION_LEAVING, s[i], region, 0)));
                    add(
                            cell(key(REGION_NEXT, s[i], region, s[i + 1])),
                            between(start, i, i + 1),
                            afterEnd(person, i, i + 1));
                }
            }
            int institution = person.institution(i);
            if (institution >= 0) {
                add(cell(key(INSTITUTION_EVERYONE, 0, 0, institution)));
                add(cell(key(INSTITUTION_PEOPLE, s[i], ALL_YEARS, institution)));
                if (start[i] >= 0) {
                    add(cell(key(INSTITUTION_PEOPLE, s[i], CohortOutcomes.bin(start[i]), institution)));
                }
                if (i + 1 < n) {
                    add(cell(key(INSTITUTION_LEAVING, s[i], 0, institution)));
                    add(cell(key(INSTITUTION_NEXT, s[i], s[i + 1], institution)));
                }
            }
            int period = periodIndex(start[i]);
            if (period >= 0) {
                add(cell(key(PERIOD, s[i], period, 0)));
                if (i + 1 < n) {
                    add(cell(key(PERIOD_LEAVING, s[i], period, 0)));
                    add(
                            cell(key(PERIOD_NEXT, s[i], period, s[i + 1])),
                            between(start, i, i + 1),
                            afterEnd(person, i, i + 1));
                }
            }
            int since = ReleaseCatalogue.sinceIndex(
                    ReleaseCatalogue.monthsAt(start[i], person.ends()[i], i + 1 < n ? start[i + 1] : -1));
            if (since >= 0) {
                add(cell(key(SINCE, s[i], since, 0)));
                if (i + 1 < n) {
                    add(cell(key(SINCE_LEAVING, s[i], since, 0)));
                    add(
                            cell(key(SINCE_NEXT, s[i], since, s[i + 1])),
                            between(start, i, i + 1),
                            afterEnd(person, i, i + 1));
                }
            }
            if (i + 2 < n && kinds[s[i + 2]] == StepKind.JOB && domains[s[i + 2]] >= 0) {
                add(cell(key(BRIDGE_ROUTE, s[i], s[i + 1], domains[s[i + 2]])));
            }
        }
        // After every path of this person is in the trie: reconversion routes name their via-path's node.
        for (int i = 0; i < n; i++) {
            if (firstPassage(s, i)) {
                outcomes(p, person, i);
                reconversions(p, person, i);
                forks(person, i);
                reach(person, i);
            }
        }
        firstJob(person);
    }

    /**
     * The person's first job after an education step, against the region of the last education step before
     * it: counted once, in every level's figure and in the step's level's, leaving the region it was trained
     * in and entering the region of the job (an unknown region is a class of its own, counted).
     */
    private void firstJob(Person person) {
        int[] s = person.steps();
        int education = -1;
        for (int j = 0; j < s.length; j++) {
            if (kinds[s[j]] == StepKind.EDUCATION) {
                education = j;
            } else if (kinds[s[j]] == StepKind.JOB) {
                if (education >= 0) {
                    int from = person.regions()[education];
                    int to = person.regions()[j];
                    int level = levels[s[education]];
                    for (int a : level > 0 ? new int[] {0, level} : new int[] {0}) {
                        flow(a, FirstJobFlows.OUT, from, to);
                        flow(a, FirstJobFlows.IN, to, from);
                    }
                }
                return;
            }
        }
    }

    /** One first job in the {@code direction} table of region {@code here}, whose other end is {@code there}. */
    private void flow(int level, int direction, int here, int there) {
        int b = FirstJobFlows.coordinate(direction, here);
        add(cell(key(FIRST_JOB, level, b, FirstJobFlows.BASE)));
        if (here < 0) {
            // Everyone here is of the unknown class: that part would be the same people as the whole.
            return;
        }
        int where = here < 0 || there < 0
                ? FirstJobFlows.UNKNOWN
                : here == there ? FirstJobFlows.SAME : FirstJobFlows.OTHER;
        add(cell(key(FIRST_JOB, level, b, where)));
        if (where == FirstJobFlows.OTHER) {
            add(cell(key(FIRST_JOB, level, b, FirstJobFlows.REGIONS + there)));
        }
    }

    private static boolean firstPassage(int[] s, int i) {
        for (int j = 0; j < i; j++) {
            if (s[j] == s[i]) {
                return false;
            }
        }
        return true;
    }

    private static int between(int[] start, int i, int j) {
        return start[i] >= 0 && start[j] >= start[i] ? start[j] - start[i] : -1;
    }

    /**
     * Months from the end of step i to the start of step j (both months counted as spent: a step ending
     * in June followed by one starting in July is 0), 0 when j started before i ended (a job during
     * studies), -1 when either date is unknown.
     */
    static int afterEnd(Person person, int i, int j) {
        int end = person.ends()[i];
        int start = person.starts()[j];
        return end >= 0 && start >= 0 ? Math.max(0, start - end - 1) : -1;
    }

    private static final List<String> PERIODS = ReleaseCatalogue.periods();

    /** The index of a start month's period in {@link ReleaseCatalogue#periods()}, -1 when unknown. */
    static int periodIndex(int startMonth) {
        if (startMonth < 0) {
            return -1;
        }
        int year = startMonth / 12;
        if (year < ReleaseCatalogue.FIRST_PERIOD_YEAR) {
            return 0;
        }
        return Math.min(
                PERIODS.size() - 1, 1 + (year - ReleaseCatalogue.FIRST_PERIOD_YEAR) / ReleaseCatalogue.PERIOD_YEARS);
    }

    private static final boolean[] NO_FAMILY = new boolean[0];

    /** The situation {@code months} after the end of the person's first passage at position i (outcomes.cypher's rules). */
    private void outcomes(int p, Person person, int i) {
        int ended = person.ends()[i];
        if (ended < 0) {
            return;
        }
        int[] s = person.steps();
        int[] ofFamilies = families.of(s[i]);
        boolean[] firstInFamily = ofFamilies.length == 0 ? NO_FAMILY : new boolean[ofFamilies.length];
        for (int f = 0; f < ofFamilies.length; f++) {
            firstInFamily[f] = familyCounted[ofFamilies[f]] != p;
            familyCounted[ofFamilies[f]] = p;
        }
        for (int m = 0; m < ReleaseCatalogue.OUTCOME_MONTHS.size(); m++) {
            int at = ended + ReleaseCatalogue.OUTCOME_MONTHS.get(m);
            if (at > person.collectedMonth()) {
                continue;
            }
            int j = stepAt(person, i, at);
            boolean there = j >= 0;
            int situation;
            if (!there) {
                situation = 1;
            } else if (kinds[s[j]] == StepKind.EDUCATION) {
                situation = 0;
            } else if (kinds[s[j]] == StepKind.JOB && domains[s[j]] >= 0) {
                situation = 2 + domains[s[j]];
            } else {
                situation = 1;
            }
            add(cell(key(OUTCOME_COHORT, s[i], m, 0)));
            add(cell(key(OUTCOME, s[i], m, situation)));
            int exit = CohortOutcomes.coordinate(m, CohortOutcomes.bin(ended));
            add(cell(key(EXIT_COHORT, s[i], exit, 0)));
            add(cell(key(EXIT_OUTCOME, s[i], exit, situation >= 2 ? 0 : situation == 0 ? 1 : 2)));
            if (fit.has(s[i])) {
                fit(s[i], m, there ? s[j] : -1);
            }
            int institution = person.institution(i);
            if (institution >= 0) {
                int simple = situation >= 2 ? 0 : situation == 0 ? 1 : 2;
                for (int bin : new int[] {CohortOutcomes.bin(ended), ALL_YEARS}) {
                    int b = CohortOutcomes.coordinate(m, bin);
                    add(cell(key(INSTITUTION_COHORT, s[i], b, institution)));
                    add(cell(key(INSTITUTION_OUTCOME, s[i], b, institution * 4L + simple)));
                    if (simple == 0 && fit.has(s[i])) {
                        add(cell(key(INSTITUTION_FIT, s[i], b, institution * 4L + fit.ofJob(s[i], s[j]))));
                    }
                }
            }
            // The region the step was taken in; an unknown region is a class of its own, counted, never dropped.
            boolean byRegion = RegionalOutcomes.HORIZONS[m];
            int regional = RegionalOutcomes.coordinate(m, person.regions()[i]);
            if (byRegion) {
                add(cell(key(REGION_COHORT, s[i], regional, 0)));
                add(cell(key(REGION_OUTCOME, s[i], regional, situation >= 2 ? 0 : situation == 0 ? 1 : 2)));
            }
            // Where the people in a job work, against where they took the step (PSEO's retention figure).
            if (byRegion && there && kinds[s[j]] == StepKind.JOB) {
                int from = person.regions()[i];
                int to = person.regions()[j];
                int moved = from < 0 || to < 0 ? Mobility.UNKNOWN : to == from ? Mobility.SAME : Mobility.OTHER;
                add(cell(key(MOBILITY_BASE, s[i], regional, 0)));
                // From an unknown region every part is "unknown": the same people as the whole, not released twice.
                if (from >= 0) {
                    add(cell(key(MOBILITY, s[i], regional, moved)));
                }
                if (moved == Mobility.OTHER) {
                    add(cell(key(MOBILITY_TO, s[i], regional, to)));
                }
            }
            for (int f = 0; f < ofFamilies.length; f++) {
                if (firstInFamily[f]) {
                    add(cell(key(FAMILY_COHORT, ofFamilies[f], m, 0)));
                    add(cell(key(FAMILY_OUTCOME, ofFamilies[f], m, situation >= 2 ? 0 : situation == 0 ? 1 : 2)));
                    // A region's figure for a level: the level's family, by the region of that first step.
                    if (byRegion && families.isLevel(ofFamilies[f])) {
                        add(cell(key(REGION_LEVEL_COHORT, ofFamilies[f], regional, 0)));
                        add(cell(key(
                                REGION_LEVEL_OUTCOME,
                                ofFamilies[f],
                                regional,
                                situation >= 2 ? 0 : situation == 0 ? 1 : 2)));
                    }
                }
            }
        }
    }

    /**
     * The person's step at month {@code at}, among those after position i: the last one started by then, if it had
     * not ended before; -1 when they were in none (the outcomes' and the carrefour's "other").
     */
    static int stepAt(Person person, int i, int at) {
        int j = -1;
        for (int x = i + 1; x < person.steps().length; x++) {
            if (person.starts()[x] >= 0 && person.starts()[x] <= at) {
                j = x;
            }
        }
        return j >= 0 && (person.ends()[j] < 0 || person.ends()[j] >= at) ? j : -1;
    }

    /** The road one person took from their first passage at position i, and where they were 12 to 36 months on. */
    private void forks(Person person, int i) {
        int[] s = person.steps();
        int ended = person.ends()[i];
        if (ended < 0 || i + 1 >= s.length) {
            return;
        }
        int road = s[i + 1];
        boolean otherDomainJob = kinds[road] == StepKind.JOB && domains[road] >= 0 && domains[road] != domains[s[i]];
        // The same roads for the people who spent that long at the step (slot 1 + its "since" bin; 0: everyone).
        int since = ReleaseCatalogue.sinceIndex(
                ReleaseCatalogue.monthsAt(person.starts()[i], ended, person.starts()[i + 1]));
        // And for the people who came from the same step before (Forks.AFTER + its index), one dimension at a time.
        int[] slots = {0, since < 0 ? -1 : since + 1, i > 0 ? Forks.AFTER + s[i - 1] : -1};
        for (int m = 0; m < Forks.MONTHS.size(); m++) {
            int at = ended + Forks.MONTHS.get(m);
            if (at > person.collectedMonth()) {
                return;
            }
            int j = stepAt(person, i, at);
            int situation;
            if (j < 0 || kinds[s[j]] == StepKind.OTHER) {
                situation = Forks.OTHER;
            } else if (kinds[s[j]] == StepKind.EDUCATION) {
                situation = Forks.STUDY;
            } else if (inField(s[i], s[j])) {
                situation = Forks.JOB_IN_FIELD;
            } else {
                situation = Forks.JOB_OTHER;
            }
            for (int slot : slots) {
                if (slot < 0) {
                    continue; // no time known, or no step before
                }
                add(cell(key(FORK_ROAD, s[i], road, Forks.roadCell(slot, m))));
                add(cell(key(FORK, s[i], road, Forks.situationCell(slot, m, situation))));
                if (otherDomainJob) {
                    add(cell(key(FORK_ROAD, s[i], Forks.OTHER_DOMAIN_JOB, Forks.roadCell(slot, m))));
                    add(cell(key(FORK, s[i], Forks.OTHER_DOMAIN_JOB, Forks.situationCell(slot, m, situation))));
                }
            }
        }
    }

    /**
     * From the person's first passage at position i: observed how long after its start, and the first start of each
     * later job and of each later job's domain, counted at every horizon it falls within.
     */
    private void reach(Person person, int i) {
        int[] s = person.steps();
        int started = person.starts()[i];
        if (started < 0) {
            return;
        }
        int observed = person.collectedMonth() - started;
        for (int h = 0; h < Reaches.MONTHS.size() && Reaches.MONTHS.get(h) <= observed; h++) {
            add(cell(key(REACH_BASE, s[i], h, 0)));
        }
        long seenDomains = 0;
        for (int j = i + 1; j < s.length; j++) {
            int start = person.starts()[j];
            if (kinds[s[j]] != StepKind.JOB || start < started) {
                continue;
            }
            boolean firstOfJob = true;
            for (int x = i + 1; x < j; x++) {
                if (s[x] == s[j]) {
                    firstOfJob = false;
                    break;
                }
            }
            int d = domains[s[j]];
            boolean firstOfDomain = d >= 0 && d < 64 && (seenDomains & (1L << d)) == 0;
            if (firstOfDomain) {
                seenDomains |= 1L << d;
            }
            int months = start - started;
            if (firstOfJob) {
                add(cell(key(REACH_TIME, s[i], s[j], 0)), months);
            }
            if (firstOfDomain) {
                add(cell(key(REACH_TIME, s[i], Reaches.DOMAIN + d, 0)), months);
            }
            for (int h = 0; h < Reaches.MONTHS.size() && Reaches.MONTHS.get(h) <= observed; h++) {
                if (months <= Reaches.MONTHS.get(h)) {
                    if (firstOfJob) {
                        add(cell(key(REACH, s[i], s[j], h)));
                    }
                    if (firstOfDomain) {
                        add(cell(key(REACH, s[i], Reaches.DOMAIN + d, h)));
                    }
                }
            }
        }
    }

    /** A job in the step's field: its target jobs or their professional field where it has some, else its domain. */
    private boolean inField(int step, int job) {
        if (fit.has(step)) {
            int c = fit.ofJob(step, job);
            return c == FitTargets.TARGET || c == FitTargets.SAME_FIELD;
        }
        return domains[job] >= 0 && domains[job] == domains[step];
    }

    /** The fit cells of one leaver of {@code step}, {@code m} horizons after its end, at {@code at} (-1: nowhere). */
    private void fit(int step, int m, int at) {
        int situation;
        if (at < 0 || kinds[at] == StepKind.OTHER) {
            situation = FitTargets.OTHER;
        } else if (kinds[at] == StepKind.EDUCATION) {
            situation = FitTargets.STUDY;
        } else {
            situation = fit.ofJob(step, at);
            add(cell(key(FIT_JOB, step, m, at)));
        }
        add(cell(key(FIT, step, m, situation)));
        if (situation != FitTargets.STUDY) {
            add(cell(key(FIT_BASE, step, m, 0)));
        }
    }

    /** From a job: the first later job of another domain, within 1..MAX_RECONVERSION_STEPS transitions. */
    private void reconversions(int p, Person person, int i) {
        int[] s = person.steps();
        int from = s[i];
        if (kinds[from] != StepKind.JOB || domains[from] < 0) {
            return;
        }
        for (int j = i + 1; j < s.length; j++) {
            int d = domains[s[j]];
            if (kinds[s[j]] == StepKind.JOB && d >= 0 && d != domains[from]) {
                if (j - i > ReleaseCatalogue.MAX_RECONVERSION_STEPS) {
                    return;
                }
                int via = node(s, i + 1, j);
                for (int m = Math.max(1, j - i); m <= ReleaseCatalogue.MAX_RECONVERSION_STEPS; m++) {
                    add(cell(key(RECONVERSION, from, m, d)));
                    add(cell(key(RECONVERSION_ROUTE, from, m * 32 + d, via)));
                }
                return;
            }
        }
    }
}
