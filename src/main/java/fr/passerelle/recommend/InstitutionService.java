package fr.passerelle.recommend;

import fr.passerelle.graph.Row;
import fr.passerelle.privacy.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An establishment's own figures ({@code /api/institutions/{uai}/...}), from the release's private part:
 * the routes let only the establishment's key call these. Every count is a released cell (k, noise);
 * the nation's figures beside them are the open release's.
 */
public final class InstitutionService {
    /** The horizons a programme's summary shows (the accreditation files' 6, 12 and 24 months). */
    public static final List<Integer> SUMMARY_MONTHS = List.of(6, 12, 24);

    static final String ALL = "all";

    private final StepService steps;
    private final Thresholds thresholds;

    public InstitutionService(StepService steps, Thresholds thresholds) {
        this.steps = steps;
        this.thresholds = thresholds;
    }

    /** The administrators' list: every establishment of the release with its people (null below k). */
    public List<Map<String, Object>> list() {
        Reads reads = steps.reads();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : reads.read("queries/institution-list", Map.of(), r -> r)) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("uai", r.get("uai").asString());
            one.put("people", r.count("people"));
            one.put("programmes", r.get("programmes").asLong());
            list.add(one);
        }
        return list;
    }

    /** The establishment's programmes; an establishment without released figures has an empty list, said why. */
    public Institution programmes(String uai) {
        Reads reads = steps.reads();
        long version = StepService.datasetVersion(reads);
        Map<String, StepRef> refs = new LinkedHashMap<>();
        Map<String, Long> all = new LinkedHashMap<>();
        Map<String, List<Institution.EntryCohort>> cohorts = new LinkedHashMap<>();
        for (Row r : reads.read("queries/institution-programmes", StepService.params("uai", uai), r -> r)) {
            String step = r.get("step").asString();
            refs.putIfAbsent(step, new StepRef(step, r.text("kind"), r.text("label"), null));
            if (r.get("entryCohort").asString().equals(ALL)) {
                all.put(step, r.get("people").asLong());
            } else {
                cohorts.computeIfAbsent(step, x -> new ArrayList<>())
                        .add(new Institution.EntryCohort(
                                r.get("entryCohort").asString(), r.get("people").asLong()));
            }
        }
        // The summary in two more reads whatever the number of programmes: the establishment's every-year outcomes,
        // and the nation's for the same steps.
        Long people = null;
        Map<String, Long> cohort = new TreeMap<>();
        Map<String, List<Institution.Situation>> situations = new TreeMap<>();
        for (Row r : reads.read(
                "queries/institution-summary", StepService.params("uai", uai, "months", SUMMARY_MONTHS), r -> r)) {
            people = r.count("institutionPeople");
            if (!r.get("step").isNull()) {
                String key =
                        r.get("step").asString() + "|" + key(r.get("months").asInt(), ALL);
                cohort.put(key, r.get("people").asLong());
                situations
                        .computeIfAbsent(key, x -> new ArrayList<>())
                        .add(new Institution.Situation(
                                r.get("situation").asString(),
                                r.get("situationPeople").asLong(),
                                StepService.share(r)));
            }
        }
        Map<String, Institution.NationOutcome> nation =
                all.isEmpty() ? Map.of() : nationEveryYear(reads, List.copyOf(all.keySet()), SUMMARY_MONTHS);
        List<Institution.Programme> programmes = new ArrayList<>();
        for (Map.Entry<String, Long> e : all.entrySet()) {
            List<Institution.Outcome> outcomes = new ArrayList<>();
            for (int months : SUMMARY_MONTHS) {
                String key = e.getKey() + "|" + key(months, ALL);
                if (cohort.containsKey(key)) {
                    outcomes.add(new Institution.Outcome(
                            months, ALL, cohort.get(key), situations.get(key), nation.get(key)));
                }
            }
            programmes.add(new Institution.Programme(
                    refs.get(e.getKey()), e.getValue(), cohorts.getOrDefault(e.getKey(), List.of()), outcomes));
        }
        programmes.sort(Comparator.comparingLong(Institution.Programme::people)
                .reversed()
                .thenComparing(p -> p.step().id()));
        Reasons reasons = new Reasons();
        if (programmes.isEmpty()) {
            reasons.put(
                    "programmes",
                    people == null && all.isEmpty()
                            ? "no step of the release names this establishment, or " + Reasons.FEWER_THAN_K
                                    + " people did"
                            : Reasons.FEWER_THAN_K + " people in each programme");
        }
        var known = fr.passerelle.market.Establishments.standard().find(uai);
        Institution.Official official = known.map(InstitutionService::official).orElse(null);
        return new Institution(
                uai,
                known.map(fr.passerelle.market.Establishments.Establishment::name)
                        .orElse(null),
                people,
                official,
                programmes,
                reasons.asMap(),
                steps.evidence(reads, version));
    }

    /** The masters' level in the catalogue (bac + 5). */
    static final int MASTERS = 7;

    /** How much of the establishment's official cohort the release holds (universities: InserSup's masters). */
    public InstitutionCoverage coverage(String uai) {
        Reads reads = steps.reads();
        long version = StepService.datasetVersion(reads);
        var known = fr.passerelle.market.Establishments.standard().find(uai);
        Institution.Official official = known.map(InstitutionService::official).orElse(null);
        Reasons reasons = new Reasons();
        String basis = "released leavers of the establishment's master programmes in the exit cohort (3 years) that"
                + " contains the official diploma year, observed 6 months on, per year (a third of the cohort), over"
                + " the graduates InserSup's respondents stand for (respondents over response rate); both are"
                + " estimates with different perimeters, set side by side";
        if (official == null || official.graduates() == null) {
            String why = known.isEmpty()
                    ? "no official file at hand names this establishment"
                    : official == null
                            ? "the official files publish no figure for this establishment"
                            : "InserJeunes publishes shares per establishment, not numbers of leavers: no denominator";
            reasons.put("share", why);
            return new InstitutionCoverage(
                    uai,
                    official,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    basis,
                    reasons.asMap(),
                    steps.evidence(reads, version));
        }
        String cohort = fr.passerelle.publish.ReleaseCatalogue.exitCohortOf(official.year());
        List<InstitutionCoverage.Programme> programmes = new ArrayList<>();
        long leavers = 0;
        for (Row r : reads.read(
                "queries/institution-coverage",
                StepService.params("uai", uai, "cohort", cohort, "level", MASTERS),
                r -> r)) {
            long n = r.get("leavers").asLong();
            leavers += n;
            programmes.add(new InstitutionCoverage.Programme(
                    new StepRef(r.get("step").asString(), r.text("kind"), r.text("label"), null), n));
        }
        Long total = programmes.isEmpty() ? null : leavers;
        Long perYear = total == null ? null : Math.round(total / 3.0);
        Double share = perYear == null || official.graduates() == 0
                ? null
                : Math.round(10000.0 * perYear / official.graduates()) / 10000.0;
        if (programmes.isEmpty()) {
            reasons.put(
                    "programmes",
                    Reasons.FEWER_THAN_K + " leavers of any master programme here in " + cohort
                            + " observed 6 months on, or none");
            reasons.put("share", Reasons.FEWER_THAN_K);
        }
        return new InstitutionCoverage(
                uai,
                official,
                cohort,
                programmes,
                total,
                perYear,
                share,
                basis,
                reasons.asMap(),
                steps.evidence(reads, version));
    }

    /** The establishment's official figure: InserJeunes for a lycée or a centre, InserSup's masters for a university. */
    static Institution.Official official(fr.passerelle.market.Establishments.Establishment e) {
        var m = e.masters();
        if (m != null) {
            return new Institution.Official(
                    "InserSup (SIES), masters of " + m.year()
                            + ", insertion 30 months after the diploma, every discipline" + " together",
                    "the university's master graduates of " + m.year() + " who answered the survey (" + m.respondents()
                            + " of about " + m.graduates() + "), in a job 30 months after the diploma (the survey's"
                            + " insertion rate: of those in a job or looking for one); Passerelle's figures are per"
                            + " programme, for the people its sources hold, every year",
                    null,
                    null,
                    30,
                    m.insertion(),
                    m.year(),
                    m.respondents(),
                    m.graduates());
        }
        if (e.employed6() == null && e.study() == null) {
            return null;
        }
        return new Institution.Official(
                "InserJeunes (DEPP), per establishment, leavers of the 2022-2023 school year",
                e.kind() == fr.passerelle.market.Establishments.Kind.APPRENTICE_CENTRE
                        ? "every apprentice leaving the centre's CAP to BTS programmes, all programmes together,"
                                + " in a job (salaried, in France) 6 months after; Passerelle's figures are per"
                                + " programme, for the people its sources hold, every year"
                        : "every pupil leaving the lycée's vocational programmes (CAP, bac pro, BTS) in the school"
                                + " route, all programmes together, in a job (salaried, in France) 6 months after;"
                                + " Passerelle's figures are per programme, for the people its sources hold, every"
                                + " year",
                e.employed6(),
                e.study(),
                6,
                e.employed6(),
                null,
                null,
                null);
    }

    /** What became of the establishment's leavers of {@code step}, by exit cohort, each beside the nation's. */
    public InstitutionOutcomes outcomes(String uai, String step, List<Integer> months) {
        Reads reads = steps.reads();
        long version = StepService.datasetVersion(reads);
        StepService.KnownStep known = steps.findStep(reads, step);
        List<Institution.Outcome> outcomes = outcomes(reads, uai, step, months);
        Reasons reasons = new Reasons();
        if (outcomes.isEmpty()) {
            reasons.put(
                    "outcomes",
                    Reasons.FEWER_THAN_K + " leavers of " + step
                            + " at this establishment observed that long, or none");
        }
        return new InstitutionOutcomes(uai, known.ref(), outcomes, reasons.asMap(), steps.evidence(reads, version));
    }

    /** The fit of the establishment's leavers of {@code step} in a job with its target jobs, beside the nation's. */
    public InstitutionFit fit(String uai, String step, int months) {
        Reads reads = steps.reads();
        StepService.KnownStep known = steps.findStep(reads, step);
        Map<String, StepRef> refs = steps.refs(reads, known.version());
        FitService.Head nation = FitService.head(reads, step, months);
        Map<String, InstitutionFit.Cohort> cohorts = new TreeMap<>(InstitutionService::everyYearFirst);
        for (Row r : reads.read(
                "queries/institution-fit", StepService.params("uai", uai, "step", step, "months", months), r -> r)) {
            String cohort = r.get("exitCohort").asString();
            String situation = r.get("situation").asString();
            Fit.Situation one = new Fit.Situation(
                    situation, Fit.LABELS.get(situation), r.get("people").asLong(), StepService.share(r));
            InstitutionFit.Cohort was = cohorts.get(cohort);
            List<Fit.Situation> situations = new ArrayList<>(was == null ? List.of() : was.situations());
            situations.add(one);
            situations.sort(Comparator.comparingInt(x -> FitService.SITUATION_ORDER.indexOf(x.situation())));
            cohorts.put(
                    cohort,
                    new InstitutionFit.Cohort(
                            cohort,
                            r.get("inJob").asLong(),
                            r.get("outsideStudy").asLong(),
                            situations,
                            situation.equals("target") ? one.share() : was == null ? null : was.fitRate()));
        }
        Reasons reasons = new Reasons();
        if (nation.targets().isEmpty()) {
            reasons.put("targets", FitService.NO_TARGETS);
            reasons.put("cohorts", FitService.NO_TARGETS);
        } else if (cohorts.isEmpty()) {
            reasons.put(
                    "cohorts",
                    Reasons.FEWER_THAN_K + " leavers of " + step + " at this establishment in a job of any one class "
                            + months + " months after, or none observed that long");
        } else if (cohorts.values().stream().anyMatch(c -> c.fitRate() == null)) {
            reasons.put(
                    "cohorts.fitRate",
                    "null where " + Reasons.FEWER_THAN_K + " people held a target job or the denominator is under "
                            + thresholds.minDenominator());
        }
        return new InstitutionFit(
                uai,
                known.ref(),
                months,
                FitService.targetJobs(nation.targets(), refs),
                List.copyOf(cohorts.values()),
                nation.targets().isEmpty() ? null : new InstitutionFit.Nation(nation.outsideStudy(), nation.rate()),
                reasons.asMap(),
                steps.evidence(reads, known.version()));
    }

    /** "all" (every year) first, then the exit cohorts in order. */
    private static int everyYearFirst(String a, String b) {
        return a.equals(b) ? 0 : a.equals(ALL) ? -1 : b.equals(ALL) ? 1 : a.compareTo(b);
    }

    /** Where the establishment's leavers of {@code step} went next. */
    public InstitutionNext next(String uai, String step) {
        Reads reads = steps.reads();
        long version = StepService.datasetVersion(reads);
        StepService.KnownStep known = steps.findStep(reads, step);
        Long leaving = null;
        List<InstitutionNext.NextStep> next = new ArrayList<>();
        long listed = 0;
        for (Row r : reads.read("queries/institution-next", StepService.params("uai", uai, "step", step), r -> r)) {
            leaving = r.get("leaving").asLong();
            long people = r.get("people").asLong();
            listed += people;
            next.add(new InstitutionNext.NextStep(
                    new StepRef(r.get("next").asString(), r.text("kind"), r.text("label"), null),
                    people,
                    StepService.share(r)));
        }
        Reasons reasons = new Reasons();
        if (next.isEmpty()) {
            reasons.put(
                    "next",
                    Reasons.FEWER_THAN_K + " leavers of " + step + " at this establishment went to any one step");
        }
        return new InstitutionNext(
                uai,
                known.ref(),
                leaving,
                next,
                thresholds.remainder(leaving, listed),
                reasons.asMap(),
                steps.evidence(reads, version));
    }

    private List<Institution.Outcome> outcomes(Reads reads, String uai, String step, List<Integer> months) {
        // (months, exit cohort) -> the establishment's cohort and situations
        Map<String, Long> cohort = new TreeMap<>();
        Map<String, List<Institution.Situation>> situations = new TreeMap<>();
        byCohort(
                reads.read(
                        "queries/institution-outcomes",
                        StepService.params("uai", uai, "step", step, "months", months),
                        r -> r),
                cohort,
                situations);
        if (cohort.isEmpty()) {
            return List.of();
        }
        Map<String, Institution.NationOutcome> nation = nation(reads, step, months);
        List<Institution.Outcome> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : cohort.entrySet()) {
            String[] k = e.getKey().split("\\|", 2);
            out.add(new Institution.Outcome(
                    Integer.parseInt(k[0]), k[1], e.getValue(), situations.get(e.getKey()), nation.get(e.getKey())));
        }
        return out;
    }

    /** The nation's leavers of the step by the same (months, exit cohort) keys, and every year from the outcomes. */
    private Map<String, Institution.NationOutcome> nation(Reads reads, String step, List<Integer> months) {
        Map<String, Long> cohort = new TreeMap<>();
        Map<String, List<Institution.Situation>> situations = new TreeMap<>();
        byCohort(
                reads.read("queries/outcome-cohorts", StepService.params("step", step, "months", months), r -> r),
                cohort,
                situations);
        Map<String, Institution.NationOutcome> nation = new TreeMap<>();
        cohort.forEach((key, people) ->
                nation.put(key, new Institution.NationOutcome(people, situations.getOrDefault(key, List.of()))));
        // Every year: the step's outcomes (keys "step|months|all", here without the step).
        nationEveryYear(reads, List.of(step), months)
                .forEach((key, outcome) -> nation.put(key.substring(step.length() + 1), outcome));
        return nation;
    }

    /**
     * The nation's leavers of several steps, every year together, by "step|months|all": the open outcomes, job domains
     * added up (a sum of released cells, never a difference).
     */
    private Map<String, Institution.NationOutcome> nationEveryYear(
            Reads reads, List<String> stepIds, List<Integer> months) {
        Map<String, Long> cohort = new TreeMap<>();
        Map<String, Long> jobs = new TreeMap<>();
        Map<String, List<Institution.Situation>> situations = new TreeMap<>();
        for (Row r : reads.read(
                "queries/outcomes-of-steps", StepService.params("steps", stepIds, "months", months), r -> r)) {
            String key = r.get("step").asString() + "|" + key(r.get("months").asInt(), ALL);
            cohort.put(key, r.get("cohort").asLong());
            String situation = r.get("situation").asString();
            if (situation.equals("job")) {
                jobs.merge(key, r.get("people").asLong(), Long::sum);
            } else {
                situations
                        .computeIfAbsent(key, x -> new ArrayList<>())
                        .add(new Institution.Situation(
                                situation, r.get("people").asLong(), StepService.share(r)));
            }
        }
        jobs.forEach((key, n) -> situations
                .computeIfAbsent(key, x -> new ArrayList<>())
                .add(0, new Institution.Situation("job", n, thresholds.share(n, cohort.get(key)))));
        Map<String, Institution.NationOutcome> nation = new TreeMap<>();
        cohort.forEach((key, n) ->
                nation.put(key, new Institution.NationOutcome(n, situations.getOrDefault(key, List.of()))));
        return nation;
    }

    /** Rows of months, exitCohort, people (the cohort) and one situation each, by (months, exit cohort). */
    private static void byCohort(
            List<Row> rows, Map<String, Long> cohort, Map<String, List<Institution.Situation>> situations) {
        for (Row r : rows) {
            String key = key(r.get("months").asInt(), r.get("exitCohort").asString());
            cohort.put(key, r.get("people").asLong());
            situations
                    .computeIfAbsent(key, x -> new ArrayList<>())
                    .add(new Institution.Situation(
                            r.get("situation").asString(),
                            r.get("situationPeople").asLong(),
                            StepService.share(r)));
        }
    }

    private static String key(int months, String exitCohort) {
        // Zero-padded: the answer lists 6 months before 12 and 24, and cohorts oldest first.
        return String.format("%03d|%s", months, exitCohort);
    }
}
