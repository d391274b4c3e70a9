package fr.passerelle.recommend;

import fr.passerelle.privacy.Disclosure;
import fr.passerelle.catalog.Domains;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/** What became of a step's leavers, N months after the end (InserJeunes-style). */
public final class OutcomeService {
    private final Database db;
    private final StepService steps;
    private final Thresholds thresholds;
    private final Domains domains = Domains.bundled();

    public OutcomeService(Database db, StepService steps) {
        this.db = db;
        this.steps = steps;
        this.thresholds = steps.thresholds();
    }

    public Outcomes outcomes(String id, List<Integer> months) {
        Record s = steps.findStep(id);
        Map<Integer, List<Record>> byMonths = new LinkedHashMap<>();
        months.forEach(m -> byMonths.put(m, new ArrayList<>()));
        for (Record r : db.read("queries/outcomes", StepService.params("step", id, "months", months), r -> r)) {
            byMonths.get(r.get("months").asInt()).add(r);
        }
        List<Outcomes.AtMonths> result = new ArrayList<>();
        for (Map.Entry<Integer, List<Record>> e : byMonths.entrySet()) {
            long total = e.getValue().stream().mapToLong(r -> r.get("people").asLong()).sum();
            boolean shares = thresholds.canShowCount(total) && thresholds.canShowShare(total);
            Disclosure.Result<Record> cells = Disclosure.apply(e.getValue(), r -> r.get("people").asLong(), total, thresholds);
            List<Outcomes.Situation> situations = cells.shown().stream().map(r -> {
                String situation = r.get("situation").asString();
                long people = r.get("people").asLong();
                String domain = situation.startsWith("job:") ? situation.substring(4) : null;
                String label = domain != null ? domains.label(domain) : situation.equals("study") ? "Poursuite d'études" : "Autre situation";
                return new Outcomes.Situation(domain != null ? "job" : situation, domain, label, people,
                        shares ? Share.of(people, total) : null);
            }).toList();
            result.add(new Outcomes.AtMonths(e.getKey(), thresholds.canShowCount(total) ? total : null, situations,
                    cells.hidden().size(), cells.hiddenPeople()));
        }
        return new Outcomes(StepService.stepRef(s), result, steps.evidence("queries/outcomes", StepService.version(s)));
    }
}
