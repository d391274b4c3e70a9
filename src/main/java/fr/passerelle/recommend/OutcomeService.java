package fr.passerelle.recommend;

import fr.passerelle.graph.Database;
import fr.passerelle.graph.Row;
import fr.passerelle.privacy.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What became of a step's leavers, N months after the end (InserJeunes-style), from the release. */
public final class OutcomeService {
    private final Database db;
    private final StepService steps;
    private final Thresholds thresholds;
    private final fr.passerelle.catalog.Domains domains = fr.passerelle.catalog.Domains.bundled();

    public OutcomeService(Database db, StepService steps) {
        this.db = db;
        this.steps = steps;
        this.thresholds = steps.thresholds();
    }

    public Outcomes outcomes(String id, List<Integer> months) {
        return outcomes(id, months, false);
    }

    /** {@code byCohort}: also by exit cohort (3-year bins of the year people left the step). */
    public Outcomes outcomes(String id, List<Integer> months, boolean byCohort) {
        return outcomes(id, months, byCohort, null);
    }

    /**
     * {@code region}: the people who took the step in that region (an INSEE code, or {@code unknown}); a
     * horizon where fewer than k of them are released answers with the nation, and its scope says so.
     */
    public Outcomes outcomes(String id, List<Integer> months, boolean byCohort, String region) {
        Reads reads = new Reads(db);
        StepService.KnownStep s = steps.findStep(reads, id);
        Map<Integer, List<Outcomes.Situation>> byMonths = new LinkedHashMap<>();
        Map<Integer, Long> cohorts = new LinkedHashMap<>();
        months.forEach(m -> byMonths.put(m, new ArrayList<>()));
        Map<Integer, List<Outcomes.Situation>> inRegion = new LinkedHashMap<>();
        Map<Integer, Long> regionCohorts = new LinkedHashMap<>();
        if (region != null) {
            months.forEach(m -> inRegion.put(m, new ArrayList<>()));
            for (Row r : reads.read(
                    "queries/region-outcomes",
                    StepService.params("step", id, "region", region, "months", months),
                    r -> r)) {
                add(
                        inRegion,
                        regionCohorts,
                        r,
                        null,
                        COHORT_LABELS.get(r.get("situation").asString()));
            }
        }
        // The nation's figures: the answer itself, or what a horizon thin in the region falls back to.
        if (region == null || months.stream().anyMatch(m -> regionCohorts.get(m) == null)) {
            for (Row r : reads.read("queries/outcomes", StepService.params("step", id, "months", months), r -> r)) {
                add(byMonths, cohorts, r, r.text("domain"), r.get("label").asString());
            }
        }
        List<Outcomes.AtMonths> result = new ArrayList<>();
        for (Map.Entry<Integer, List<Outcomes.Situation>> e : byMonths.entrySet()) {
            String nation = "the people who left " + id + ", " + e.getKey() + " months after its end";
            String asked = region == null
                    ? nation
                    : "the people who left " + id + " in region " + region + ", " + e.getKey()
                            + " months after its end";
            Long cohort = cohorts.get(e.getKey());
            List<Outcomes.Situation> situations = e.getValue();
            Scope scope = Scope.asAsked(asked);
            if (region != null) {
                if (regionCohorts.get(e.getKey()) != null) {
                    cohort = regionCohorts.get(e.getKey());
                    situations = inRegion.get(e.getKey());
                } else {
                    scope = new Scope(
                            asked,
                            nation,
                            fr.passerelle.publish.RegionalOutcomes.MONTHS.contains(e.getKey())
                                    ? Reasons.FEWER_THAN_K + " people of region " + region
                                            + " observed that long: the figures are the nation's"
                                    : "the release holds regional outcomes at "
                                            + fr.passerelle.publish.RegionalOutcomes.MONTHS
                                            + " months only: the figures are"
                                            + " the nation's");
                }
            }
            Long hidden = thresholds.remainder(
                    cohort,
                    situations.stream().mapToLong(Outcomes.Situation::people).sum());
            Benchmark.Group wider = null;
            if (cohort == null) {
                // Too few to show the programme alone: its narrowest family with released figures, said so.
                wider = FamilyGroups.of(reads, id, e.getKey(), domains).stream()
                        .filter(f -> f.people() != null)
                        .findFirst()
                        .orElse(null);
                if (wider != null) {
                    scope = new Scope(
                            asked,
                            wider.label() + " (" + wider.name() + "), " + e.getKey() + " months after their end",
                            Reasons.FEWER_THAN_K + " people of " + id + " observed that long: the figures in wider are"
                                    + " those of its narrowest family with released figures");
                }
            }
            result.add(new Outcomes.AtMonths(
                    e.getKey(),
                    cohort,
                    situations,
                    hidden,
                    Reasons.breakdown(
                                    "people",
                                    cohort,
                                    "situations",
                                    situations.size(),
                                    0,
                                    "hiddenPeople",
                                    hidden,
                                    situations.stream().anyMatch(x -> x.share() == null),
                                    thresholds.minDenominator())
                            .asMap(),
                    scope,
                    wider));
        }
        return new Outcomes(
                s.ref(),
                region,
                result,
                byCohort ? cohorts(reads, id, months) : null,
                steps.evidence(reads, s.version()));
    }

    private static void add(
            Map<Integer, List<Outcomes.Situation>> byMonths,
            Map<Integer, Long> cohorts,
            Row r,
            String domain,
            String label) {
        int m = r.get("months").asInt();
        if (!r.get("cohort").isNull()) {
            cohorts.putIfAbsent(m, r.get("cohort").asLong());
        }
        byMonths.get(m)
                .add(new Outcomes.Situation(
                        r.get("situation").asString(),
                        domain,
                        label,
                        r.get("people").asLong(),
                        StepService.share(r)));
    }

    private static final Map<String, String> COHORT_LABELS =
            Map.of("job", "En emploi", "study", "Poursuite d'études", "other", "Autre situation");

    private static List<Outcomes.Cohort> cohorts(Reads reads, String id, List<Integer> months) {
        Map<String, List<Row>> byCohort = new LinkedHashMap<>();
        for (Row r : reads.read("queries/outcome-cohorts", StepService.params("step", id, "months", months), r -> r)) {
            byCohort.computeIfAbsent(
                            r.get("months").asInt() + "|" + r.get("exitCohort").asString(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Outcomes.Cohort> cohorts = new ArrayList<>();
        for (List<Row> rows : byCohort.values()) {
            Row first = rows.get(0);
            cohorts.add(new Outcomes.Cohort(
                    first.get("months").asInt(),
                    first.get("exitCohort").asString(),
                    first.get("people").asLong(),
                    rows.stream()
                            .map(r -> new Outcomes.Situation(
                                    r.get("situation").asString(),
                                    null,
                                    COHORT_LABELS.get(r.get("situation").asString()),
                                    r.get("situationPeople").asLong(),
                                    StepService.share(r)))
                            .toList()));
        }
        // Oldest first ("before-2001" sorts after the years as text).
        cohorts.sort(java.util.Comparator.comparingInt(Outcomes.Cohort::months)
                .thenComparing(c -> c.cohort().startsWith("before") ? "0" : c.cohort()));
        return cohorts;
    }
}
