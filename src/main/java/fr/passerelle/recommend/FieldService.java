package fr.passerelle.recommend;

import fr.passerelle.catalog.Domains;
import fr.passerelle.graph.Database;
import fr.passerelle.graph.Row;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Reads reads = new Reads(db);
        StepService.KnownStep fromStep = steps.findStep(reads, from);
        StepRef a = fromStep.ref();
        StepRef b = to == null ? null : steps.findStep(reads, to).ref();
        long version = fromStep.version();
        TransitionGraph graph = routes.graph(reads, version);
        Map<String, StepRef> refs = steps.refs(reads, version);
        Integer source = graph.find(from);
        List<TransitionGraph.Edge> firstHops = new ArrayList<>();
        if (source != null) {
            for (TransitionGraph.Edge e : graph.out(source)) {
                StepRef hop = refs.get(graph.id(e.to()));
                // A bridge is a training or a job people took: a spell of job search or inactivity ("other") is
                // what many routes go through, not a passerelle to recommend.
                if (!isTarget(hop, toDomain, to) && !"other".equals(hop.kind())) {
                    firstHops.add(e);
                }
            }
        }
        List<String> candidates = firstHops.stream().map(e -> graph.id(e.to())).toList();
        Map<String, Long> whole = new LinkedHashMap<>();
        if (!candidates.isEmpty()) {
            reads.read(
                    "queries/bridges",
                    StepService.params(
                            "from", from, "bridges", candidates, "toDomain", to == null ? toDomain : null, "to", to),
                    r -> whole.put(
                            r.get("bridge").asString(), r.get("wholeRoute").asLong()));
        }
        List<Bridges.Bridge> bridges = new ArrayList<>();
        for (TransitionGraph.Edge e : firstHops) {
            String x = graph.id(e.to());
            // People who went from the bridge straight to the target: a sum of its released transitions.
            long reached = 0;
            Long bridgeOut = null;
            for (TransitionGraph.Edge next : graph.out(e.to())) {
                bridgeOut = next.fromOut();
                if (isTarget(refs.get(graph.id(next.to())), toDomain, to)) {
                    reached += next.people();
                }
            }
            Share second = reached == 0 || e.released() == null ? null : thresholds.share(reached, bridgeOut);
            if (second == null) {
                continue;
            }
            bridges.add(new Bridges.Bridge(
                    refs.get(x),
                    Math.round(e.released().value() * second.value() * 10000) / 10000.0,
                    e.people(),
                    e.released(),
                    reached,
                    second,
                    whole.get(x)));
        }
        bridges.sort(Comparator.comparingDouble(Bridges.Bridge::score)
                .reversed()
                .thenComparing(br -> br.step().id()));
        return new Bridges(
                a,
                to == null ? toDomain : null,
                to == null ? domains.label(toDomain) : null,
                b,
                bridges.subList(0, Math.min(limit, bridges.size())),
                emptyBecauseFew("bridges", bridges.isEmpty()),
                steps.evidence(reads, version));
    }

    private static boolean isTarget(StepRef x, String toDomain, String to) {
        return to != null ? x.id().equals(to) : "job".equals(x.kind()) && toDomain.equals(x.domain());
    }

    /** The changes of field out of job {@code id}, within {@code maxSteps} transitions. */
    public Reconversions reconversions(String id, int maxSteps, int limit) {
        Reads reads = new Reads(db);
        StepService.KnownStep s = steps.findStep(reads, id);
        if (!"job".equals(s.ref().kind())) {
            throw new QuestionException(
                    "reconversions start from a job",
                    Map.of("step", id, "kind", s.ref().kind()));
        }
        Map<String, StepRef> refs = steps.refs(reads, s.version());
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, List<Reconversions.Via>> via = new LinkedHashMap<>();
        for (Row r :
                reads.read("queries/reconversions", StepService.params("step", id, "maxSteps", maxSteps), r -> r)) {
            String domain = r.get("toDomain").asString();
            if (r.get("route").asBoolean()) {
                via.computeIfAbsent(domain, d -> new ArrayList<>())
                        .add(new Reconversions.Via(
                                r.get("via").isNull()
                                        ? List.of()
                                        : r.get("via").asList(Value::asString).stream()
                                                .map(refs::get)
                                                .toList(),
                                r.get("people").asLong()));
            } else {
                totals.put(domain, r.get("people").asLong());
            }
        }
        List<Reconversions.Change> changes = new ArrayList<>();
        for (Map.Entry<String, Long> e : totals.entrySet()) {
            List<Reconversions.Via> routesOf = via.getOrDefault(e.getKey(), List.of());
            changes.add(new Reconversions.Change(
                    e.getKey(),
                    domains.label(e.getKey()),
                    e.getValue(),
                    routesOf,
                    thresholds.remainder(
                            e.getValue(),
                            routesOf.stream()
                                    .mapToLong(Reconversions.Via::people)
                                    .sum())));
        }
        changes.sort(Comparator.comparingLong(Reconversions.Change::people)
                .reversed()
                .thenComparing(Reconversions.Change::toDomain));
        return new Reconversions(
                s.ref(),
                maxSteps,
                changes.subList(0, Math.min(limit, changes.size())),
                emptyBecauseFew("changes", changes.isEmpty()),
                steps.evidence(reads, s.version()));
    }

    /** The reason an empty list of released items is empty: none with at least k people (or none at all). */
    private static Map<String, String> emptyBecauseFew(String field, boolean empty) {
        return empty ? new Reasons().put(field, Reasons.FEWER_THAN_K).asMap() : Map.of();
    }
}
