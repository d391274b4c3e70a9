package fr.passerelle.recommend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The most probable chains from one step to another over the published transitions: best-first
 * enumeration of simple paths by cost {@code -log(share)}, so paths come out in decreasing order of
 * probability. Partial paths that cannot reach the target within the remaining hops (known from a
 * backward breadth-first search) are never expanded.
 */
final class RouteSearch {
    /** Bound on the work for one search, whatever the graph. */
    static final int MAX_EXPANSIONS = 200_000;

    record Found(int[] nodes, double cost) {
        double probability() {
            return Math.exp(-cost);
        }
    }

    private record Partial(int[] nodes, double cost) {}

    static List<Found> search(TransitionGraph graph, int from, int to, int maxSteps, int limit) {
        int[] hopsToTarget = hopsTo(graph, to, maxSteps);
        List<Found> found = new ArrayList<>();
        if (hopsToTarget[from] > maxSteps) {
            return found;
        }
        PriorityQueue<Partial> queue = new PriorityQueue<>((a, b) -> Double.compare(a.cost(), b.cost()));
        queue.add(new Partial(new int[] {from}, 0));
        int expansions = 0;
        while (!queue.isEmpty() && found.size() < limit && expansions++ < MAX_EXPANSIONS) {
            Partial p = queue.poll();
            int last = p.nodes()[p.nodes().length - 1];
            if (last == to) {
                found.add(new Found(p.nodes(), p.cost()));
                continue;
            }
            int hops = p.nodes().length - 1;
            for (TransitionGraph.Edge e : graph.out(last)) {
                if (hops + 1 + hopsToTarget[e.to()] > maxSteps || contains(p.nodes(), e.to()) || e.share() <= 0) {
                    continue;
                }
                int[] nodes = Arrays.copyOf(p.nodes(), p.nodes().length + 1);
                nodes[nodes.length - 1] = e.to();
                queue.add(new Partial(nodes, p.cost() - Math.log(Math.min(1.0, e.share()))));
            }
        }
        return found;
    }

    /** Hops from each node to {@code target} along transitions (Integer.MAX_VALUE / 2 beyond {@code limit}). */
    private static int[] hopsTo(TransitionGraph graph, int target, int limit) {
        int[] hops = new int[graph.size()];
        Arrays.fill(hops, Integer.MAX_VALUE / 2);
        hops[target] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(target);
        while (!queue.isEmpty()) {
            int n = queue.poll();
            if (hops[n] >= limit) {
                continue;
            }
            for (TransitionGraph.Edge e : graph.in(n)) {
                if (hops[e.from()] > hops[n] + 1) {
                    hops[e.from()] = hops[n] + 1;
                    queue.add(e.from());
                }
            }
        }
        return hops;
    }

    private static boolean contains(int[] nodes, int node) {
        for (int n : nodes) {
            if (n == node) {
                return true;
            }
        }
        return false;
    }
}
