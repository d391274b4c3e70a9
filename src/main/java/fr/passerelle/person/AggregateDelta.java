package fr.passerelle.person;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a set of people adds to (or, with sign -1, removes from) the aggregates: per step, how many
 * distinct people passed through it, left it for another step, came to it from another; per
 * transition, how many distinct people made it and a histogram of months from the start of one step
 * to the start of the next. A person who goes A→B→A→B counts once on A→B, with the first duration.
 */
public final class AggregateDelta {
    /** Months 0..119 exactly, the last bucket is "120 or more". */
    public static final int BUCKETS = 121;

    private final Map<String, long[]> steps = new HashMap<>();
    private final Map<String, Edge> edges = new HashMap<>();

    public void add(List<Visit> visits, int sign) {
        Set<String> passed = new LinkedHashSet<>();
        Set<String> left = new HashSet<>();
        Set<String> reached = new HashSet<>();
        Set<String> seenEdges = new HashSet<>();
        for (int i = 0; i < visits.size(); i++) {
            Visit visit = visits.get(i);
            passed.add(visit.step());
            if (i == 0) {
                continue;
            }
            Visit from = visits.get(i - 1);
            left.add(from.step());
            reached.add(visit.step());
            String key = from.step() + "\u0000" + visit.step();
            if (!seenEdges.add(key)) {
                continue;
            }
            Edge edge = edges.computeIfAbsent(key, k -> new Edge(from.step(), visit.step()));
            edge.people += sign;
            if (from.start() != Visit.UNKNOWN && visit.start() != Visit.UNKNOWN && visit.start() >= from.start()) {
                edge.months[Math.min(visit.start() - from.start(), BUCKETS - 1)] += sign;
            }
        }
        passed.forEach(s -> steps.computeIfAbsent(s, k -> new long[3])[0] += sign);
        left.forEach(s -> steps.computeIfAbsent(s, k -> new long[3])[1] += sign);
        reached.forEach(s -> steps.computeIfAbsent(s, k -> new long[3])[2] += sign);
    }

    public boolean isEmpty() {
        return steps.isEmpty() && edges.isEmpty();
    }

    /** Applies these deltas to the Step counts and TRANSITION relationships, inside the caller's transaction. */
    public void writeTo(fr.passerelle.graph.Database.Writer w) {
        if (!isEmpty()) {
            w.run("person/apply-step-deltas", Map.of("deltas", stepRows()));
            w.run("person/apply-transition-deltas", Map.of("deltas", edgeRows()));
        }
    }

    List<Map<String, Object>> stepRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        steps.forEach((id, d) -> {
            if (d[0] != 0 || d[1] != 0 || d[2] != 0) {
                rows.add(Map.of("id", id, "people", d[0], "out", d[1], "in", d[2]));
            }
        });
        return rows;
    }

    List<Map<String, Object>> edgeRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Edge e : edges.values()) {
            boolean changed = e.people != 0;
            for (long m : e.months) {
                changed |= m != 0;
            }
            if (changed) {
                List<Long> months = new ArrayList<>(BUCKETS);
                for (long m : e.months) {
                    months.add(m);
                }
                rows.add(Map.of("from", e.from, "to", e.to, "people", e.people, "months", months));
            }
        }
        return rows;
    }

    /** Visits every step's totals: people, left, reached. */
    public void forEachStep(java.util.function.BiConsumer<String, long[]> visitor) {
        steps.forEach(visitor);
    }

    /** Visits every transition with its people and month histogram. */
    public void forEachEdge(EdgeVisitor visitor) {
        for (Edge e : edges.values()) {
            visitor.visit(e.from, e.to, e.people, e.months);
        }
    }

    public interface EdgeVisitor {
        void visit(String from, String to, long people, long[] months);
    }

    /**
     * The lower median of a month histogram, as {@code cypher/person/apply-transition-deltas.cypher}
     * computes it: the number of buckets whose cumulative count is below half the total.
     */
    public static Integer median(long[] months) {
        long total = 0;
        for (long m : months) {
            total += m;
        }
        if (total == 0) {
            return null;
        }
        long cumulative = 0;
        int below = 0;
        for (long m : months) {
            cumulative += m;
            if (cumulative * 2 < total) {
                below++;
            }
        }
        return below;
    }

    private static final class Edge {
        final String from;
        final String to;
        long people;
        final long[] months = new long[BUCKETS];

        Edge(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }
}
