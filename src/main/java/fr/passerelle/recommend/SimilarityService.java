package fr.passerelle.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Métiers proches": steps of the same kind whose published flows look alike, by the cosine
 * similarity of their destination shares and of their origin shares, averaged.
 */
public final class SimilarityService {
    private final StepService steps;
    private final RouteService routes;

    public SimilarityService(StepService steps, RouteService routes) {
        this.steps = steps;
        this.routes = routes;
    }

    public SimilarSteps similar(String id, int limit) {
        Reads reads = steps.reads();
        StepService.KnownStep s = steps.findStep(reads, id);
        StepRef step = s.ref();
        TransitionGraph graph = routes.graph(reads, s.version());
        Map<String, StepRef> refs = steps.refs(reads, s.version());
        Integer node = graph.find(id);
        List<SimilarSteps.Similar> similar = new ArrayList<>();
        if (node != null) {
            Map<Integer, Double> out = vector(graph.out(node), true);
            Map<Integer, Double> in = vector(graph.in(node), false);
            for (int other = 0; other < graph.size(); other++) {
                StepRef ref = refs.get(graph.id(other));
                if (other == node || ref == null || !ref.kind().equals(step.kind())) {
                    continue;
                }
                Map<Integer, Double> otherOut = vector(graph.out(other), true);
                Map<Integer, Double> otherIn = vector(graph.in(other), false);
                double score = (cosine(out, otherOut) + cosine(in, otherIn)) / 2;
                if (score > 0) {
                    List<String> shared = otherOut.keySet().stream()
                            .filter(out::containsKey)
                            .sorted(Comparator.comparingDouble((Integer d) -> -out.get(d) * otherOut.get(d)))
                            .limit(3)
                            .map(graph::id)
                            .toList();
                    similar.add(new SimilarSteps.Similar(ref, Math.round(score * 1000) / 1000.0, shared));
                }
            }
        }
        similar.sort(Comparator.comparingDouble(SimilarSteps.Similar::similarity)
                .reversed()
                .thenComparing(x -> x.step().id()));
        return new SimilarSteps(
                step, similar.subList(0, Math.min(limit, similar.size())), steps.evidence(reads, s.version()));
    }

    /** Shares of the people leaving (or arriving), by the step at the other end. */
    private static Map<Integer, Double> vector(List<TransitionGraph.Edge> edges, boolean outgoing) {
        Map<Integer, Double> v = new HashMap<>();
        long total = edges.stream().mapToLong(TransitionGraph.Edge::people).sum();
        for (TransitionGraph.Edge e : edges) {
            v.put(outgoing ? e.to() : e.from(), (double) e.people() / total);
        }
        return v;
    }

    private static double cosine(Map<Integer, Double> a, Map<Integer, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<Integer, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(Map<Integer, Double> v) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
