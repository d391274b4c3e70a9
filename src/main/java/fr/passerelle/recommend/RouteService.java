package fr.passerelle.recommend;

import fr.passerelle.graph.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Routes from A to B: observed sequences (released paths) and composed chains (of released transitions). */
public final class RouteService {
    private final Database db;
    private final StepService steps;
    private final TransitionGraphs graphs;

    public RouteService(Database db, StepService steps) {
        this.db = db;
        this.steps = steps;
        this.graphs = new TransitionGraphs(db);
    }

    /**
     * The composed-route search alone, over the in-memory released transitions: no observed routes,
     * no database, no HTTP. The benchmark's lower bound for {@link #routes}.
     */
    public List<List<String>> composedInMemory(String from, String to, int maxSteps, int limit) {
        TransitionGraph graph = graphs.current(steps.datasetVersion());
        Integer a = graph.find(from);
        Integer b = graph.find(to);
        if (a == null || b == null || a.equals(b)) {
            return List.of();
        }
        return RouteSearch.search(graph, a, b, maxSteps, limit).stream()
                .map(f -> java.util.Arrays.stream(f.nodes()).mapToObj(graph::id).toList()).toList();
    }

    /** Released transitions as [from, to] pairs (for benchmarks choosing realistic questions). */
    public List<String[]> publishedPairs() {
        TransitionGraph graph = graphs.current(steps.datasetVersion());
        List<String[]> pairs = new ArrayList<>();
        for (int n = 0; n < graph.size(); n++) {
            for (TransitionGraph.Edge e : graph.out(n)) {
                pairs.add(new String[] {graph.id(e.from()), graph.id(e.to())});
            }
        }
        return pairs;
    }

    TransitionGraph graph(long version) {
        return graphs.current(version);
    }

    public FoundRoutes routes(String from, String to, int maxSteps, int limit) {
        Record fromStep = steps.findStep(from);
        StepRef a = StepService.stepRef(fromStep);
        StepRef b = StepService.stepRef(steps.findStep(to));
        long version = StepService.version(fromStep);
        TransitionGraph graph = graphs.current(version);
        Map<String, StepRef> refs = steps.refs(version);

        List<FoundRoutes.Route> observed = new ArrayList<>();
        for (Record r : db.read("queries/routes-observed", StepService.params("from", from, "to", to, "maxSteps", maxSteps), r -> r)) {
            if (observed.size() < limit) {
                List<String> route = r.get("route").asList(Value::asString);
                observed.add(new FoundRoutes.Route(false, route.stream().map(refs::get).toList(), r.get("people").asLong(), null,
                        r.get("medianMonths").isNull() ? null : r.get("medianMonths").asInt(), hops(graph, route)));
            }
        }

        List<FoundRoutes.Route> composed = new ArrayList<>();
        Integer source = graph.find(from);
        Integer target = graph.find(to);
        if (source != null && target != null && !source.equals(target)) {
            List<RouteSearch.Found> found = RouteSearch.search(graph, source, target, maxSteps, limit);
            List<List<String>> chains = found.stream().map(f -> java.util.Arrays.stream(f.nodes()).mapToObj(graph::id).toList()).toList();
            Map<String, Record> followed = new HashMap<>();
            if (!chains.isEmpty()) {
                db.read("queries/route-people", Map.of("keys", chains.stream().map(c -> String.join(";", c)).toList()),
                        r -> followed.put(r.get("key").asString(), r));
            }
            for (int i = 0; i < found.size(); i++) {
                List<String> chain = chains.get(i);
                Record f = followed.get(String.join(";", chain));
                boolean released = f != null && !f.get("people").isNull();
                composed.add(new FoundRoutes.Route(true, chain.stream().map(refs::get).toList(), released ? f.get("people").asLong() : null,
                        Math.round(found.get(i).probability() * 10000) / 10000.0,
                        released && !f.get("medianMonths").isNull() ? f.get("medianMonths").asInt() : null, hops(graph, chain)));
            }
        }
        return new FoundRoutes(a, b, maxSteps, observed, composed, steps.evidence(List.of("queries/step-by-id", "queries/routes-observed",
                "queries/published-transitions", "queries/route-people"), version));
    }

    private List<FoundRoutes.Hop> hops(TransitionGraph graph, List<String> route) {
        List<FoundRoutes.Hop> hops = new ArrayList<>();
        for (int i = 0; i + 1 < route.size(); i++) {
            Integer a = graph.find(route.get(i));
            Integer b = graph.find(route.get(i + 1));
            TransitionGraph.Edge e = a == null || b == null ? null : graph.edge(a, b);
            hops.add(e == null ? new FoundRoutes.Hop(route.get(i), route.get(i + 1), null, null, null)
                    : new FoundRoutes.Hop(route.get(i), route.get(i + 1), e.people(), e.released(), e.medianMonths()));
        }
        return hops;
    }
}
