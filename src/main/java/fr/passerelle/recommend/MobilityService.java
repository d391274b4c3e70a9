package fr.passerelle.recommend;

import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /mobility}: where a step's leavers work against the region they took it in, from the release. */
public final class MobilityService {
    private final StepService steps;
    private final Regions regions = Regions.bundled();

    public MobilityService(StepService steps) {
        this.steps = steps;
    }

    public Mobility mobility(String id, int months) {
        Reads reads = steps.reads();
        StepService.KnownStep s = steps.findStep(reads, id);
        Map<String, List<Row>> byRegion = new LinkedHashMap<>();
        for (Row r : reads.read("queries/mobility", StepService.params("step", id, "months", months), r -> r)) {
            byRegion.computeIfAbsent(r.get("region").asString(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Mobility.ByRegion> result = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byRegion.entrySet()) {
            Map<String, Mobility.Part> parts = new LinkedHashMap<>();
            List<Mobility.Destination> to = new ArrayList<>();
            for (Row r : e.getValue()) {
                String kind = r.get("kind").asString();
                if (kind.equals("to")) {
                    String code = r.get("destination").asString();
                    to.add(new Mobility.Destination(
                            code, regions.name(code), r.get("people").asLong(), StepService.share(r)));
                } else {
                    parts.put(kind, new Mobility.Part(r.get("people").asLong(), StepService.share(r)));
                }
            }
            to.sort(Comparator.comparingLong(Mobility.Destination::people).reversed());
            String region = e.getKey();
            result.add(new Mobility.ByRegion(
                    region,
                    region.equals("unknown") ? "Région non renseignée" : regions.name(region),
                    e.getValue().get(0).get("working").asLong(),
                    parts.get("same"),
                    parts.get("other"),
                    parts.get("unknown"),
                    to));
        }
        result.sort(Comparator.comparingLong(Mobility.ByRegion::peopleWorking).reversed());
        Reasons reasons = new Reasons();
        if (!fr.passerelle.publish.RegionalOutcomes.MONTHS.contains(months)) {
            reasons.put(
                    "regions",
                    "the release holds mobility at " + fr.passerelle.publish.RegionalOutcomes.MONTHS + " months only");
        } else if (result.isEmpty()) {
            reasons.put("regions", Reasons.FEWER_THAN_K);
        }
        return new Mobility(s.ref(), months, result, reasons.asMap(), steps.evidence(reads, s.version()));
    }
}
