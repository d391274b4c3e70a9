package fr.passerelle.recommend;

import fr.passerelle.catalog.Domains;
import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Row;
import fr.passerelle.privacy.Share;
import fr.passerelle.publish.RegionalOutcomes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code /api/regions/{code}} and {@code /flows}: a region's diagnosis for observatories, from the release. */
public final class RegionService {
    /** Programmes and jobs listed in a summary. */
    static final int TOP = 10;
    /** Tension categories 4 and 5 (DARES: "tension", "forte tension"). */
    static final int IN_TENSION = 4;

    private final StepService steps;
    private final Regions regions = Regions.bundled();
    private final Domains domains = Domains.bundled();

    public RegionService(StepService steps) {
        this.steps = steps;
    }

    /** The region's first jobs at one education level (0: every level); {@code region} is a known code. */
    public RegionFlows flows(String region, int level) {
        Reads reads = steps.reads();
        long version = version(reads);
        RegionFlows.Side[] sides = sides(reads, region, level);
        Reasons reasons = new Reasons();
        if (sides[0] == null) {
            reasons.put("trainedHere", Reasons.FEWER_THAN_K);
        }
        if (sides[1] == null) {
            reasons.put("workingHere", Reasons.FEWER_THAN_K);
        }
        return new RegionFlows(
                region,
                region.equals(RegionalOutcomes.UNKNOWN_REGION) ? "Région non renseignée" : regions.name(region),
                level,
                level == 0 ? "tous niveaux" : FamilyGroups.levelLabel(level),
                sides[0],
                sides[1],
                reasons.asMap(),
                steps.evidence(reads, version));
    }

    public RegionSummary summary(String region) {
        Reads reads = steps.reads();
        long version = version(reads);
        List<RegionSummary.StepPeople> programmes = new ArrayList<>();
        List<RegionSummary.StepPeople> jobs = new ArrayList<>();
        for (Row r : reads.read("queries/region-steps", StepService.params("region", region), r -> r)) {
            List<RegionSummary.StepPeople> list = r.get("kind").asString().equals("job") ? jobs : programmes;
            if (list.size() < TOP) {
                list.add(new RegionSummary.StepPeople(
                        StepService.stepRef(r),
                        r.count("level"),
                        r.get("people").asLong()));
            }
        }
        int months = RegionalOutcomes.MONTHS.get(0);
        List<RegionSummary.LevelOutcome> levels = levels(reads, region, months);
        RegionFlows.Side[] sides = sides(reads, region, 0);
        List<RegionSummary.Reconversion> reconversions = new ArrayList<>();
        for (Row r : reads.read(
                "queries/region-reconversions", StepService.params("region", region, "limit", TOP), r -> r)) {
            reconversions.add(new RegionSummary.Reconversion(
                    ref(r, "fromId", "fromLabel", "fromDomain", "job"),
                    ref(r, "toId", "toLabel", "toDomain", "job"),
                    r.get("people").asLong(),
                    StepService.share(r)));
        }
        List<RegionSummary.TensionJob> tension = tension(reads, region);
        Reasons reasons = new Reasons();
        if (programmes.isEmpty()) {
            reasons.put("programmes", Reasons.FEWER_THAN_K);
        }
        if (jobs.isEmpty()) {
            reasons.put("jobs", Reasons.FEWER_THAN_K);
        }
        if (levels.isEmpty()) {
            reasons.put("levels", Reasons.FEWER_THAN_K);
        }
        if (sides[0] == null) {
            reasons.put("firstJobsTrainedHere", Reasons.FEWER_THAN_K);
        }
        if (sides[1] == null) {
            reasons.put("firstJobsWorkingHere", Reasons.FEWER_THAN_K);
        }
        if (reconversions.isEmpty()) {
            reasons.put("reconversions", Reasons.FEWER_THAN_K);
        }
        if (tension.isEmpty()) {
            reasons.put(
                    "jobsInTension",
                    "no job held by at least k people in the region has a regional tension note (category 4 or 5)");
        }
        return new RegionSummary(
                region,
                regions.name(region),
                programmes,
                jobs,
                months,
                levels,
                sides[0],
                sides[1],
                reconversions,
                tension,
                reasons.asMap(),
                steps.evidence(reads, version));
    }

    private static long version(Reads reads) {
        List<Long> v = reads.read(
                "queries/dataset-version", Map.of(), r -> r.get("version").asLong(0));
        return v.isEmpty() ? 0 : v.get(0);
    }

    /** {out, in}: each null when the release holds no figure for it. */
    private RegionFlows.Side[] sides(Reads reads, String region, int level) {
        Map<String, List<Row>> byDirection = new LinkedHashMap<>();
        for (Row r : reads.read("queries/region-flows", StepService.params("region", region, "level", level), r -> r)) {
            byDirection
                    .computeIfAbsent(r.get("direction").asString(), d -> new ArrayList<>())
                    .add(r);
        }
        return new RegionFlows.Side[] {side(byDirection.get("out")), side(byDirection.get("in"))};
    }

    private RegionFlows.Side side(List<Row> rows) {
        if (rows == null || rows.isEmpty()) {
            return null;
        }
        Map<String, RegionFlows.Part> parts = new LinkedHashMap<>();
        List<RegionFlows.OtherRegion> others = new ArrayList<>();
        for (Row r : rows) {
            String kind = r.get("kind").asString();
            if (kind.equals("region")) {
                String code = r.get("otherRegion").asString();
                others.add(new RegionFlows.OtherRegion(
                        code, regions.name(code), r.get("people").asLong(), StepService.share(r)));
            } else {
                parts.put(kind, new RegionFlows.Part(r.get("people").asLong(), StepService.share(r)));
            }
        }
        return new RegionFlows.Side(
                rows.get(0).get("firstJobs").asLong(),
                parts.get("same"),
                parts.get("other"),
                parts.get("unknown"),
                others);
    }

    private List<RegionSummary.LevelOutcome> levels(Reads reads, String region, int months) {
        Map<Integer, Map<String, Row>> byLevel = new TreeMap<>();
        for (Row r :
                reads.read("queries/region-levels", StepService.params("region", region, "months", months), r -> r)) {
            byLevel.computeIfAbsent(r.get("level").asInt(), l -> new LinkedHashMap<>())
                    .put(r.get("situation").asString(), r);
        }
        List<RegionSummary.LevelOutcome> levels = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Row>> e : byLevel.entrySet()) {
            Map<String, Row> rows = e.getValue();
            Row any = rows.values().iterator().next();
            RegionSummary.Situations here = new RegionSummary.Situations(
                    any.get("cohort").asLong(),
                    part(rows.get("job"), ""),
                    part(rows.get("study"), ""),
                    part(rows.get("other"), ""));
            Long nationCohort = rows.values().stream()
                    .map(r -> r.count("nationCohort"))
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            RegionSummary.Situations nation = nationCohort == null
                    ? null
                    : new RegionSummary.Situations(
                            nationCohort,
                            part(rows.get("job"), "nation"),
                            part(rows.get("study"), "nation"),
                            part(rows.get("other"), "nation"));
            levels.add(new RegionSummary.LevelOutcome(e.getKey(), FamilyGroups.levelLabel(e.getKey()), here, nation));
        }
        return levels;
    }

    /** A situation's people and share, the region's ({@code prefix} "") or the nation's ("nation"); null when withheld. */
    private static RegionSummary.Part part(Row r, String prefix) {
        if (r == null) {
            return null;
        }
        String people = prefix.isEmpty() ? "people" : prefix + "People";
        if (r.get(people).isNull()) {
            return null;
        }
        String share = prefix.isEmpty() ? "share" : prefix + "Share";
        String low = prefix.isEmpty() ? "shareLow" : prefix + "ShareLow";
        String high = prefix.isEmpty() ? "shareHigh" : prefix + "ShareHigh";
        return new RegionSummary.Part(
                r.get(people).asLong(),
                r.get(share).isNull()
                        ? null
                        : new Share(
                                r.get(share).asDouble(),
                                r.get(low).asDouble(),
                                r.get(high).asDouble()));
    }

    private List<RegionSummary.TensionJob> tension(Reads reads, String region) {
        Map<String, List<Row>> byJob = new LinkedHashMap<>();
        for (Row r : reads.read(
                "queries/region-tension-feeders",
                StepService.params("region", region, "minCategory", IN_TENSION),
                r -> r)) {
            byJob.computeIfAbsent(r.get("id").asString(), j -> new ArrayList<>())
                    .add(r);
        }
        List<RegionSummary.TensionJob> jobs = new ArrayList<>();
        for (List<Row> rows : byJob.values()) {
            Row first = rows.get(0);
            List<RegionSummary.Feeder> from = new ArrayList<>();
            Map<String, Long> byKind = new TreeMap<>();
            Map<String, Long> byDomain = new TreeMap<>();
            for (Row r : rows) {
                if (r.get("fromId").isNull()) {
                    continue;
                }
                long people = r.get("people").asLong();
                StepRef origin = ref(
                        r,
                        "fromId",
                        "fromLabel",
                        "fromDomain",
                        r.get("fromKind").asString());
                from.add(new RegionSummary.Feeder(origin, people));
                byKind.merge(origin.kind(), people, Long::sum);
                if (origin.domain() != null) {
                    byDomain.merge(origin.domain() + " " + domains.label(origin.domain()), people, Long::sum);
                }
            }
            jobs.add(new RegionSummary.TensionJob(
                    ref(first, "id", "label", "domain", "job"),
                    first.get("peopleInRegion").asLong(),
                    first.get("tensionCategory").asInt(),
                    first.integer("year"),
                    from,
                    byKind,
                    byDomain));
        }
        return jobs;
    }

    private static StepRef ref(Row r, String id, String label, String domain, String kind) {
        return new StepRef(r.get(id).asString(), kind, r.get(label).asString(), r.text(domain));
    }
}
