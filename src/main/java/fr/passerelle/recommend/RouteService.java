package fr.passerelle.recommend;

import fr.passerelle.graph.Database;
import fr.passerelle.graph.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                .map(f -> java.util.Arrays.stream(f.nodes()).mapToObj(graph::id).toList())
                .toList();
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

    /** The released transitions as a graph, read once per release: the answer names the query that read them. */
    TransitionGraph graph(Reads reads, long version) {
        reads.used("queries/published-transitions");
        return graphs.current(version);
    }

    public FoundRoutes routes(String from, String to, int maxSteps, int limit) {
        Reads reads = new Reads(db);
        StepService.KnownStep fromStep = steps.findStep(reads, from);
        StepRef a = fromStep.ref();
        StepRef b = steps.findStep(reads, to).ref();
        long version = fromStep.version();
        Map<String, StepRef> refs = steps.refs(reads, version);

        List<FoundRoutes.Route> observed = new ArrayList<>();
        List<Row> observedRows = reads.read(
                "queries/routes-observed", StepService.params("from", from, "to", to, "maxSteps", maxSteps), r -> r);
        TransitionGraph graph = graph(reads, version);
        for (Row r : observedRows) {
            if (observed.size() < limit) {
                List<String> route = r.get("route").asList(Value::asString);
                observed.add(new FoundRoutes.Route(
                        false,
                        route.stream().map(refs::get).toList(),
                        r.get("people").asLong(),
                        null,
                        r.integer("medianMonths"),
                        hops(graph, route)));
            }
        }

        List<FoundRoutes.Route> composed = new ArrayList<>();
        Integer source = graph.find(from);
        Integer target = graph.find(to);
        if (source != null && target != null && !source.equals(target)) {
            List<RouteSearch.Found> found = RouteSearch.search(graph, source, target, maxSteps, limit);
            List<List<String>> chains = found.stream()
                    .map(f -> java.util.Arrays.stream(f.nodes())
                            .mapToObj(graph::id)
                            .toList())
                    .toList();
            Map<String, Row> followed = new HashMap<>();
            if (!chains.isEmpty()) {
                for (Row r : reads.read(
                        "queries/route-people",
                        Map.of(
                                "keys",
                                chains.stream().map(c -> String.join(";", c)).toList()),
                        r -> r)) {
                    followed.put(r.get("key").asString(), r);
                }
            }
            for (int i = 0; i < found.size(); i++) {
                List<String> chain = chains.get(i);
                Row f = followed.get(String.join(";", chain));
                boolean released = f != null && !f.get("people").isNull();
                composed.add(new FoundRoutes.Route(
                        true,
                        chain.stream().map(refs::get).toList(),
                        released ? f.get("people").asLong() : null,
                        Math.round(found.get(i).probability() * 10000) / 10000.0,
                        released && !f.get("medianMonths").isNull()
                                ? f.get("medianMonths").asInt()
                                : null,
                        hops(graph, chain)));
            }
        }
        Reasons reasons = new Reasons();
        if (observed.isEmpty()) {
            reasons.put("observed", Reasons.FEWER_THAN_K);
        }
        if (composed.isEmpty()) {
            reasons.put("composed", Reasons.FEWER_THAN_K);
        }
        return new FoundRoutes(a, b, maxSteps, observed, composed, reasons.asMap(), steps.evidence(reads, version));
    }

    private List<FoundRoutes.Hop> hops(TransitionGraph graph, List<String> route) {
        List<FoundRoutes.Hop> hops = new ArrayList<>();
        for (int i = 0; i + 1 < route.size(); i++) {
            Integer a = graph.find(route.get(i));
            Integer b = graph.find(route.get(i + 1));
            TransitionGraph.Edge e = a == null || b == null ? null : graph.edge(a, b);
            hops.add(
                    e == null
                            ? new FoundRoutes.Hop(route.get(i), route.get(i + 1), null, null, null)
                            : new FoundRoutes.Hop(
                                    route.get(i), route.get(i + 1), e.people(), e.released(), e.medianMonths()));
        }
        return hops;
    }
}
