package fr.passerelle.recommend;

import fr.passerelle.privacy.AggregateDisclosure;
import fr.passerelle.privacy.Disclosure;
import fr.passerelle.catalog.Folding;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Steps: search, one step's counts, and where people went next. */
public final class StepService {
    private final Database db;
    private final Thresholds thresholds;
    private final Clock clock;

    public StepService(Database db, Thresholds thresholds, Clock clock) {
        this.db = db;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** Steps whose folded label or code contains the folded query, prefix matches first. */
    public List<StepSummary> search(String query, String kind, int limit) {
        String q = Folding.fold(query);
        return db.read("queries/step-search", params("q", q, "kind", kind, "limit", limit),
                r -> new StepSummary(r.get("id").asString(), r.get("kind").asString(), r.get("label").asString(),
                        nullableString(r.get("domain")), r.get("level").isNull() ? null : r.get("level").asInt(),
                        shown(r.get("people").asLong(0))));
    }

    public StepDetail step(String id) {
        Record r = findStep(id);
        AggregateDisclosure shown = disclosure(version(r));
        String code = r.get("id").asString();
        return new StepDetail(code, r.get("kind").asString(), r.get("label").asString(),
                nullableString(r.get("domain")), nullableString(r.get("field")),
                r.get("level").isNull() ? null : r.get("level").asInt(),
                shown.people(code), shown.peopleIn(code), shown.peopleOut(code),
                evidence("queries/step-by-id", version(r)));
    }

    /** Where the people who left step {@code id} went next (no path, no filter). */
    public NextSteps next(String id) {
        return next(NextQuery.of(id));
    }

    /**
     * Where people went next. With a path ({@code after}) the answer comes from the people who
     * followed that exact path into the step; while fewer than k of them match, or no destination of
     * theirs can be shown, the oldest step of the path is dropped ("backing off"), and {@code pathUsed}
     * says which suffix answered.
     */
    public NextSteps next(NextQuery query) {
        NextSteps.Filters filters = new NextSteps.Filters(query.region(), query.fromYear(), query.toYear(), query.kind());
        if (query.after().isEmpty() && !query.filtersPeople()) {
            // The common question, answered from the aggregates in one transaction.
            List<Record> rows = db.read("queries/next-steps", params("step", query.step()), r -> r);
            if (rows.isEmpty()) {
                throw new StepNotFoundException(query.step(), closeMatches(query.step()));
            }
            Record first = rows.get(0);
            AggregateDisclosure shown = disclosure(version(first));
            String code = first.get("stepId").asString();
            Long leavingShown = shown.peopleOut(code);
            long leaving = leavingShown == null ? -1 : leavingShown;
            List<Record> destinations = first.get("id").isNull() ? List.of() : rows;
            Flow flow = flow(destinations, leaving, query.kind(), r -> shown.shows(code, r.get("id").asString()));
            StepRef step = new StepRef(first.get("stepId").asString(), first.get("stepKind").asString(), first.get("stepLabel").asString(),
                    nullableString(first.get("stepDomain")));
            return new NextSteps(step, List.of(), List.of(), filters, leavingShown, flow.items(), flow.hidden(), flow.hiddenPeople(),
                    evidence("queries/next-steps", version(first)));
        }
        Record s = findStep(query.step());
        for (String before : query.after()) {
            findStep(before);
        }
        List<String> after = query.after();
        while (true) {
            List<Record> rows = db.read("queries/next-steps-filtered", params("step", query.step(), "after", after, "region", query.region(),
                    "from", query.fromYear(), "to", query.toYear()), r -> r);
            long leaving = rows.isEmpty() ? 0 : rows.get(0).get("leaving").asLong();
            Flow flow = flow(rows, leaving, query.kind(), r -> true);
            // A path that k people followed but that leaves no destination shown answers nothing: back off too.
            if (after.isEmpty() || thresholds.canShowCount(leaving) && !flow.items().isEmpty()) {
                return new NextSteps(stepRef(s), query.after(), after, filters, shown(leaving), flow.items(), flow.hidden(),
                        flow.hiddenPeople(), evidence("queries/next-steps-filtered", version(s)));
            }
            after = after.subList(1, after.size());
        }
    }

    /** Where the people who came to step {@code id} came from. */
    public PreviousSteps previous(String id, String kind) {
        Record s = findStep(id);
        AggregateDisclosure shown = disclosure(version(s));
        String code = s.get("id").asString();
        Long arriving = shown.peopleIn(code);
        List<Record> rows = db.read("queries/previous-steps", params("step", code), r -> r);
        Flow flow = flow(rows, arriving == null ? -1 : arriving, kind, r -> shown.shows(r.get("id").asString(), code));
        return new PreviousSteps(stepRef(s), arriving, flow.items(), flow.hidden(), flow.hiddenPeople(),
                evidence("queries/previous-steps", version(s)));
    }

    private record Flow(List<NextStep> items, int hidden, Long hiddenPeople) {
    }

    /**
     * A breakdown of {@code total} people over steps, with suppression. A kind filter only narrows
     * what is shown: the total stays everyone's, so what is left out is counted as hidden.
     */
    private Flow flow(List<Record> rows, long total, String kind, java.util.function.Predicate<Record> published) {
        // Cells the whole-graph decision already hides (AggregateDisclosure) count as hidden here too.
        List<Record> candidates = rows.stream().filter(published).toList();
        int alreadyHidden = rows.size() - candidates.size();
        Disclosure.Result<Record> cells = Disclosure.apply(candidates, r -> r.get("people").asLong(), total, thresholds);
        boolean shares = thresholds.canShowCount(total) && thresholds.canShowShare(total);
        List<NextStep> items = cells.shown().stream()
                .filter(r -> kind == null || kind.equals(r.get("kind").asString()))
                .sorted(Comparator.comparingLong((Record r) -> r.get("people").asLong()).reversed()
                        .thenComparing(r -> r.get("id").asString()))
                .map(r -> new NextStep(stepRef(r), r.get("people").asLong(),
                        shares ? Share.of(r.get("people").asLong(), total) : null, median(r)))
                .toList();
        int filteredOut = cells.shown().size() - items.size();
        // What the shown cells leave of the total, whichever decision hid the rest, when it is itself shown.
        Long hiddenPeople = null;
        if (total >= 0) {
            long rest = total - cells.shown().stream().mapToLong(r -> r.get("people").asLong()).sum();
            hiddenPeople = thresholds.canShowCount(rest) ? rest : null;
        }
        if (filteredOut > 0) {
            long rest = total - items.stream().mapToLong(NextStep::people).sum();
            hiddenPeople = thresholds.canShowCount(rest) ? rest : null;
        }
        return new Flow(items, cells.hidden().size() + alreadyHidden + filteredOut, hiddenPeople);
    }

    /** The median duration of a row (medianMonths, timedPeople), only when at least k people with dates stand behind it. */
    Integer median(Record r) {
        Value timed = r.get("timedPeople");
        if (timed.isNull() || !thresholds.canShowCount(timed.asLong()) || r.get("medianMonths").isNull()) {
            return null;
        }
        return r.get("medianMonths").asInt();
    }

    Record findStep(String id) {
        List<Record> found = db.read("queries/step-by-id", params("id", id), r -> r);
        if (found.isEmpty()) {
            throw new StepNotFoundException(id, closeMatches(id));
        }
        return found.get(0);
    }

    /** Known steps that look like an unknown id: same code with other case, or close by edit distance or label. */
    List<StepRef> closeMatches(String id) {
        String folded = Folding.fold(id);
        List<Record> all = db.read("queries/step-list", Map.of(), r -> r);
        return all.stream()
                .map(r -> Map.entry(r, score(folded, Folding.fold(r.get("id").asString()), r.get("search").asString(""))))
                .filter(e -> e.getValue() <= 3)
                .sorted(Map.Entry.<Record, Integer>comparingByValue().thenComparing(e -> e.getKey().get("id").asString()))
                .limit(5)
                .map(e -> stepRef(e.getKey()))
                .toList();
    }

    private static int score(String query, String id, String search) {
        if (query.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        if (id.equals(query)) {
            return 0;
        }
        if (query.length() >= 3 && search.contains(query)) {
            return 1;
        }
        return levenshtein(query, id);
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** Steps by the number of people who arrived at them (at least k), most first. */
    public List<String> popularDestinations() {
        return db.read("queries/popular-destinations", Map.of("k", thresholds.k()), r -> r.get("id").asString());
    }

    private volatile Map.Entry<Long, Map<String, StepRef>> refs;
    private volatile Map.Entry<Long, AggregateDisclosure> disclosure;

    /**
     * Which step counts and transitions may be shown as of dataset {@code version}, decided over the
     * whole graph (read once per version), so that answers of different endpoints cannot be
     * subtracted from one another to reveal a small group.
     */
    AggregateDisclosure disclosure(long version) {
        Map.Entry<Long, AggregateDisclosure> cached = disclosure;
        if (cached != null && cached.getKey() == version) {
            return cached.getValue();
        }
        synchronized (this) {
            cached = disclosure;
            if (cached != null && cached.getKey() == version) {
                return cached.getValue();
            }
            List<AggregateDisclosure.StepCounts> counts = db.read("publish/steps", Map.of(), r -> new AggregateDisclosure.StepCounts(
                    r.get("id").asString(), r.get("people").asLong(), r.get("peopleIn").asLong(), r.get("peopleOut").asLong()));
            List<AggregateDisclosure.Edge> edges = db.read("publish/transitions", Map.of(), r -> new AggregateDisclosure.Edge(
                    r.get("from").asString(), r.get("to").asString(), r.get("people").asLong()));
            AggregateDisclosure computed = AggregateDisclosure.compute(counts, edges, thresholds);
            disclosure = Map.entry(version, computed);
            return computed;
        }
    }

    /** Every step as answers name it, by code, as of dataset {@code version} (read once per version). */
    Map<String, StepRef> refs(long version) {
        Map.Entry<Long, Map<String, StepRef>> cached = refs;
        if (cached != null && cached.getKey() == version) {
            return cached.getValue();
        }
        Map<String, StepRef> all = new java.util.HashMap<>();
        db.read("queries/step-list", Map.of(), r -> all.put(r.get("id").asString(), stepRef(r)));
        refs = Map.entry(version, Map.copyOf(all));
        return all;
    }

    public long datasetVersion() {
        List<Long> v = db.read("queries/dataset-version", Map.of(), r -> r.get("version").asLong(0));
        return v.isEmpty() ? 0 : v.get(0);
    }

    /** The dataset version a step record was read with ({@code step-by-id} returns it). */
    static long version(Record step) {
        return step.get("version").asLong(0);
    }

    /** Evidence for an answer computed on dataset {@code version} by the named query (or queries, joined by " + "). */
    Evidence evidence(String query, long version) {
        String files = java.util.Arrays.stream(query.split(" \\+ ")).map(q -> "cypher/" + q + ".cypher")
                .collect(java.util.stream.Collectors.joining(" + "));
        return new Evidence(version, thresholds.k(), thresholds.minDenominator(), files, Instant.now(clock).toString());
    }

    private Long shown(long people) {
        return thresholds.canShowCount(people) ? people : null;
    }

    static StepRef stepRef(Record r) {
        return new StepRef(r.get("id").asString(), r.get("kind").asString(), r.get("label").asString(), nullableString(r.get("domain")));
    }

    static String nullableString(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    static Map<String, Object> params(Object... kv) {
        java.util.HashMap<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }
}
