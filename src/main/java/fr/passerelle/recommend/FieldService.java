package fr.passerelle.recommend;

import fr.passerelle.privacy.Disclosure;
import fr.passerelle.catalog.Domains;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Changes of field: bridges from a step to a field or step, and the reconversions out of a job. */
public final class FieldService {
    private final Database db;
    private final StepService steps;
    private final RouteService routes;
    private final Thresholds thresholds;
    private final Domains domains = Domains.bundled();

    public FieldService(Database db, StepService steps, RouteService routes) {
        this.db = db;
        this.steps = steps;
        this.routes = routes;
        this.thresholds = steps.thresholds();
    }

    public Domains domains() {
        return domains;
    }

    /**
     * Bridges from {@code from} to jobs of {@code toDomain} or to the step {@code to} (exactly one of the
     * two): candidates are the steps at least k people took right after {@code from}, except the target.
     */
    public Bridges bridges(String from, String toDomain, String to, int limit) {
        Record fromStep = steps.findStep(from);
        StepRef a = StepService.stepRef(fromStep);
        StepRef b = to == null ? null : StepService.stepRef(steps.findStep(to));
        long version = StepService.version(fromStep);
        TransitionGraph graph = routes.graph(version);
        Map<String, StepRef> refs = steps.refs(version);
        Integer source = graph.find(from);
        List<TransitionGraph.Edge> firstHops = new ArrayList<>();
        if (source != null) {
            for (TransitionGraph.Edge e : graph.out(source)) {
                StepRef x = refs.get(graph.id(e.to()));
                boolean isTarget = to != null ? x.id().equals(to) : "job".equals(x.kind()) && toDomain.equals(x.domain());
                if (!isTarget) {
                    firstHops.add(e);
                }
            }
        }
        List<String> candidates = firstHops.stream().map(e -> graph.id(e.to())).toList();
        Map<String, Long> whole = new LinkedHashMap<>();
        if (!candidates.isEmpty()) {
            db.read("queries/bridges", StepService.params("from", from, "bridges", candidates, "toDomain", to == null ? toDomain : null,
                    "to", to), r -> whole.put(r.get("bridge").asString(), r.get("wholeRoute").asLong()));
        }
        List<Bridges.Bridge> bridges = new ArrayList<>();
        for (TransitionGraph.Edge e : firstHops) {
            String x = graph.id(e.to());
            // People who went from the bridge straight to the target, over its published transitions.
            long reached = 0;
            for (TransitionGraph.Edge next : graph.out(e.to())) {
                StepRef y = refs.get(graph.id(next.to()));
                if (to != null ? y.id().equals(to) : "job".equals(y.kind()) && toDomain.equals(y.domain())) {
                    reached += next.people();
                }
            }
            long bridgeOut = stepOut(graph, e.to());
            if (!thresholds.canShowCount(reached) || !thresholds.canShowShare(e.fromOut()) || !thresholds.canShowShare(bridgeOut)) {
                continue;
            }
            Share first = Share.of(e.people(), e.fromOut());
            Share second = Share.of(Math.min(reached, bridgeOut), bridgeOut);
            long wholeRoute = whole.getOrDefault(x, 0L);
            bridges.add(new Bridges.Bridge(refs.get(x), Math.round(first.value() * second.value() * 10000) / 10000.0,
                    e.people(), first, reached, second, thresholds.canShowCount(wholeRoute) ? wholeRoute : null));
        }
        bridges.sort(Comparator.comparingDouble(Bridges.Bridge::score).reversed().thenComparing(br -> br.step().id()));
        return new Bridges(a, to == null ? toDomain : null, to == null ? domains.label(toDomain) : null, b,
                bridges.subList(0, Math.min(limit, bridges.size())), steps.evidence("queries/published-transitions + queries/bridges", version));
    }

    /** People who left a step: the denominator of its shares (any published out-edge carries it). */
    private static long stepOut(TransitionGraph graph, int node) {
        List<TransitionGraph.Edge> out = graph.out(node);
        return out.isEmpty() ? 0 : out.get(0).fromOut();
    }

    /** The changes of field out of job {@code id}, within {@code maxSteps} transitions. */
    public Reconversions reconversions(String id, int maxSteps, int limit) {
        Record s = steps.findStep(id);
        if (!"job".equals(s.get("kind").asString())) {
            throw new IllegalArgumentException("reconversions start from a job; " + id + " is " + s.get("kind").asString());
        }
        Map<String, StepRef> refs = steps.refs(StepService.version(s));
        Map<String, List<Record>> byDomain = new LinkedHashMap<>();
        for (Record r : db.read("queries/reconversions", StepService.params("step", id, "maxSteps", maxSteps), r -> r)) {
            byDomain.computeIfAbsent(r.get("toDomain").asString(), d -> new ArrayList<>()).add(r);
        }
        List<Reconversions.Change> changes = new ArrayList<>();
        int hiddenDomains = 0;
        for (Map.Entry<String, List<Record>> e : byDomain.entrySet()) {
            long total = e.getValue().stream().mapToLong(r -> r.get("people").asLong()).sum();
            if (!thresholds.canShowCount(total)) {
                hiddenDomains++;
                continue;
            }
            Disclosure.Result<Record> cells = Disclosure.apply(e.getValue(), r -> r.get("people").asLong(), total, thresholds);
            List<Reconversions.Via> via = cells.shown().stream()
                    .map(r -> new Reconversions.Via(r.get("bridge").asList(Value::asString).stream().map(refs::get).toList(),
                            r.get("people").asLong()))
                    .toList();
            changes.add(new Reconversions.Change(e.getKey(), domains.label(e.getKey()), total, via, cells.hidden().size(), cells.hiddenPeople()));
        }
        changes.sort(Comparator.comparingLong(Reconversions.Change::people).reversed().thenComparing(Reconversions.Change::toDomain));
        return new Reconversions(StepService.stepRef(s), maxSteps, changes.subList(0, Math.min(limit, changes.size())),
                hiddenDomains + Math.max(0, changes.size() - limit), steps.evidence("queries/reconversions", StepService.version(s)));
    }
}
