package fr.passerelle.recommend;

import fr.passerelle.graph.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /market} and {@code annotate=market}: the release's labour-market notes on job steps. */
public final class MarketService {
    private final StepService steps;

    public MarketService(StepService steps) {
        this.steps = steps;
    }

    /** {@code region}: a region's INSEE code, or null for France only. */
    public Market market(String id, String region) {
        Reads reads = steps.reads();
        StepService.KnownStep s = steps.findStep(reads, id);
        List<String> geos = region == null ? List.of("FR") : List.of("FR", region);
        Market.Note national = null;
        Market.Note regional = null;
        for (Row r : reads.read("queries/market", StepService.params("step", id, "geos", geos), r -> r)) {
            Market.Note note = note(r);
            if (note.geo().equals("FR")) {
                national = note;
            } else {
                regional = note;
            }
        }
        List<Market.SourceFile> sources = reads.read(
                "queries/market-sources",
                Map.of(),
                r -> new Market.SourceFile(r.text("file"), r.text("what"), r.text("producer"), r.text("year")));
        Reasons reasons = new Reasons();
        if (!s.ref().kind().equals("job")) {
            reasons.put("national", "market notes describe jobs: this step is not a job");
        } else if (sources.isEmpty()) {
            reasons.put("national", "this release carries no labour-market files");
        } else if (national == null) {
            reasons.put("national", "not in the labour-market files (" + crosswalkOf(regional) + ")");
        }
        if (region != null && regional == null && reasons.asMap().isEmpty()) {
            reasons.put("regional", "no regional tension for this job family in the files");
        }
        return new Market(
                s.ref(),
                national,
                regional,
                sources,
                Market.CAPTION,
                reasons.asMap(),
                steps.evidence(reads, s.version()));
    }

    private static String crosswalkOf(Market.Note note) {
        return note == null ? "no job family for its ROME code" : note.crosswalk();
    }

    private static Market.Note note(Row r) {
        Map<String, Integer> components = new LinkedHashMap<>();
        for (String c : List.of(
                "hiringIntensity",
                "trainingLink",
                "labourShortage",
                "nonDurableJobs",
                "workingConditions",
                "geographicMismatch")) {
            components.put(c, r.integer(c));
        }
        Integer year = r.integer("year");
        String fap = r.text("fap");
        String source = (fap == null
                        ? ""
                        : "tension: DARES / France Travail" + (year == null ? "" : " " + year) + ", job family FAP 225 "
                                + r.text("crosswalk"))
                + (r.get("medianAnnualSalary").isNull()
                        ? ""
                        : (fap == null ? "" : "; ")
                                + "salary, job seekers, offers: France Travail, statistiques du marché du travail");
        return new Market.Note(
                r.text("geo"),
                year,
                fap,
                r.text("crosswalk"),
                r.integer("tensionCategory"),
                r.get("tension").isNull() ? null : r.get("tension").asDouble(),
                components,
                r.integer("medianAnnualSalary"),
                r.get("medianHourlySalary").isNull()
                        ? null
                        : r.get("medianHourlySalary").asDouble(),
                r.integer("jobSeekers"),
                r.integer("offers"),
                r.text("franceTravailTension"),
                source);
    }

    /** The briefs of {@code codes} (jobs without a note are left out), regional where {@code region} has one. */
    public Map<String, Market.Brief> briefs(List<String> codes, String region) {
        Map<String, Market.Brief> briefs = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return briefs;
        }
        Reads reads = steps.reads();
        for (Row r : reads.read(
                "queries/market-tensions",
                StepService.params("steps", new ArrayList<>(codes), "geo", region == null ? "FR" : region),
                r -> r)) {
            briefs.put(
                    r.get("step").asString(),
                    new Market.Brief(
                            r.text("geo"),
                            r.integer("tensionCategory"),
                            r.integer("year"),
                            r.integer("medianAnnualSalary")));
        }
        return briefs;
    }
}
