package fr.passerelle.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The published transitions (at least k people) in memory, as adjacency arrays: route search and
 * similarity run here in microseconds instead of as variable-length Cypher (measured 10 s median on a
 * large graph). Built per dataset version; the Cypher that loads it is
 * {@code cypher/queries/published-transitions.cypher}.
 */
final class TransitionGraph {
    /** One released transition; {@code fromOut} and {@code released} are null where the release holds none. */
    record Edge(
            int from, int to, long people, Long fromOut, fr.passerelle.privacy.Share released, Integer medianMonths) {
        /** The released share, 0 where none is released (such a hop takes no part in composed routes). */
        double share() {
            return released == null ? 0 : released.value();
        }
    }

    final long version;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<List<Edge>> out = new ArrayList<>();
    private final List<List<Edge>> in = new ArrayList<>();

    TransitionGraph(long version) {
        this.version = version;
    }

    int node(String id) {
        return index.computeIfAbsent(id, k -> {
            ids.add(k);
            out.add(new ArrayList<>());
            in.add(new ArrayList<>());
            return ids.size() - 1;
        });
    }

    Integer find(String id) {
        return index.get(id);
    }

    void add(
            String from,
            String to,
            long people,
            Long fromOut,
            fr.passerelle.privacy.Share share,
            Integer medianMonths) {
        Edge e = new Edge(node(from), node(to), people, fromOut, share, medianMonths);
        out.get(e.from()).add(e);
        in.get(e.to()).add(e);
    }

    String id(int node) {
        return ids.get(node);
    }

    int size() {
        return ids.size();
    }

    List<Edge> out(int node) {
        return out.get(node);
    }

    List<Edge> in(int node) {
        return in.get(node);
    }

    Edge edge(int from, int to) {
        for (Edge e : out.get(from)) {
            if (e.to() == to) {
                return e;
            }
        }
        return null;
    }
}
