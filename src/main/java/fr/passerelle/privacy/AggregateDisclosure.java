package fr.passerelle.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which step counts and transitions may be shown, decided once for the whole graph so that no
 * subtraction between any two published numbers (a step's people and its peopleIn, its peopleOut
 * and the transitions that leave it, its peopleIn and those that reach it) reveals 1..k-1 people.
 * A breakdown checked alone is not enough: a transition kept for its origin can still leave a small
 * remainder at its destination. The API's aggregate answers and the publication both follow it.
 */
public final class AggregateDisclosure {
    /** Raw counts of a step. */
    public record StepCounts(String id, long people, long peopleIn, long peopleOut) {
    }

    /** A raw transition count. */
    public record Edge(String from, String to, long people) {
    }

    private final Map<String, Long> people = new HashMap<>();
    private final Map<String, Long> in = new HashMap<>();
    private final Map<String, Long> out = new HashMap<>();
    private final Set<String> edges = new HashSet<>();

    private AggregateDisclosure() {
    }

    public static AggregateDisclosure compute(Collection<StepCounts> steps, Collection<Edge> transitions, Thresholds thresholds) {
        AggregateDisclosure d = new AggregateDisclosure();
        for (StepCounts s : steps) {
            if (!thresholds.canShowCount(s.people())) {
                continue;
            }
            d.people.put(s.id(), s.people());
            // peopleIn (peopleOut) only if those who started (ended) at the step are 0 or at least k.
            if (thresholds.canShowCount(s.peopleIn()) && safeDifference(s.people(), s.peopleIn(), thresholds)) {
                d.in.put(s.id(), s.peopleIn());
            }
            if (thresholds.canShowCount(s.peopleOut()) && safeDifference(s.people(), s.peopleOut(), thresholds)) {
                d.out.put(s.id(), s.peopleOut());
            }
        }
        Set<Edge> kept = new HashSet<>();
        for (Edge e : transitions) {
            if (thresholds.canShowCount(e.people())) {
                kept.add(e);
            }
        }
        // Hiding an edge for one step changes the other end's sums: repeat until nothing moves.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, List<Edge>> group : kept.stream().collect(Collectors.groupingBy(Edge::from)).entrySet()) {
                Long total = d.out.get(group.getKey());
                changed |= kept.removeAll(Disclosure.apply(sorted(group.getValue()), Edge::people, total == null ? -1 : total, thresholds).hidden());
            }
            for (Map.Entry<String, List<Edge>> group : kept.stream().collect(Collectors.groupingBy(Edge::to)).entrySet()) {
                Long total = d.in.get(group.getKey());
                changed |= kept.removeAll(Disclosure.apply(sorted(group.getValue()), Edge::people, total == null ? -1 : total, thresholds).hidden());
            }
        }
        for (Edge e : kept) {
            d.edges.add(key(e.from(), e.to()));
        }
        return d;
    }

    public static boolean safeDifference(long whole, long part, Thresholds thresholds) {
        long difference = whole - part;
        return difference <= 0 || thresholds.canShowCount(difference);
    }

    /** The step's people, or null when hidden. */
    public Long people(String step) {
        return people.get(step);
    }

    public Long peopleIn(String step) {
        return in.get(step);
    }

    public Long peopleOut(String step) {
        return out.get(step);
    }

    public boolean shows(String from, String to) {
        return edges.contains(key(from, to));
    }

    public int shownTransitions() {
        return edges.size();
    }

    private static String key(String from, String to) {
        return from + '\u0000' + to;
    }

    private static List<Edge> sorted(List<Edge> edges) {
        List<Edge> copy = new ArrayList<>(edges);
        copy.sort(Comparator.comparing(Edge::from).thenComparing(Edge::to));
        return copy;
    }
}
