package fr.passerelle.recommend;

import fr.passerelle.catalog.Folding;
import fr.passerelle.graph.Database;
import fr.passerelle.graph.Row;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Steps: search, one step's counts, where people went next and where they came from. Every number
 * is read from the release graph (a released cell, or arithmetic on released cells); nothing here
 * counts people.
 */
public final class StepService {
    private final Database db;
    private final Thresholds thresholds;
    private final Clock clock;
    private final java.util.function.Supplier<SearchTitles> titles;

    public StepService(Database db, Thresholds thresholds, Clock clock, SearchTitles titles) {
        this(db, thresholds, clock, () -> titles);
    }

    /** With the search names read only when search (or a close match) is first needed. */
    public StepService(
            Database db, Thresholds thresholds, Clock clock, java.util.function.Supplier<SearchTitles> titles) {
        this.db = db;
        this.thresholds = thresholds;
        this.clock = clock;
        this.titles = titles;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** Released steps for what people type (labels, everyday names, job titles; see {@link StepSearch}). */
    public StepMatches search(String query, String kind, int limit) {
        StepSearch.Found found = search().find(query, kind, limit);
        return new StepMatches(query, found.steps(), found.didYouMean(), found.reason());
    }

    private final PerRelease<StepSearch> search = new PerRelease<>(v -> buildSearch());

    /** The search index of the served release. */
    private StepSearch search() {
        return search.get(datasetVersion());
    }

    private StepSearch buildSearch() {
        List<StepSummary> steps = db.rows(
                "queries/step-list",
                Map.of(),
                r -> new StepSummary(
                        r.get("id").asString(),
                        r.get("kind").asString(),
                        r.get("label").asString(),
                        r.text("domain"),
                        r.integer("level"),
                        r.count("people")));
        return new StepSearch(steps, titles.get());
    }

    public StepDetail step(String id) {
        Reads reads = new Reads(db);
        KnownStep s = findStep(reads, id);
        Row c = reads.read("queries/step-coverage", params("id", id), r -> r).get(0);
        StepDetail.Coverage coverage = null;
        Long official = c.count("officialPerYear");
        if (official != null) {
            // The 2019-2021 exit cohort spans three years: a year's worth is a third of it.
            Long leavers = c.count("leavers");
            Long perYear = leavers == null ? null : Math.round(leavers / 3.0);
            coverage = new StepDetail.Coverage(
                    official,
                    c.text("millesimes"),
                    c.text("officialSource"),
                    leavers,
                    perYear,
                    perYear == null || official == 0 ? null : Math.round(10000.0 * perYear / official) / 10000.0,
                    "released leavers of 2019-2021 observed 6 months on, per year, over InserJeunes' final-year students"
                            + " per millésime");
        }
        return new StepDetail(
                s.ref().id(),
                s.ref().kind(),
                s.ref().label(),
                s.ref().domain(),
                s.field(),
                s.level(),
                s.people(),
                s.peopleIn(),
                s.peopleOut(),
                c.get("targets").asList(org.neo4j.driver.Value::asString),
                c.text("targetSource"),
                coverage,
                Openness.of(next(id)),
                evidence(reads, s.version()));
    }

    /** A new set of reads for one answer on this service's release. */
    Reads reads() {
        return new Reads(db);
    }

    /** A step as the release holds it, with the release version it was read from. */
    record KnownStep(
            StepRef ref, String field, Integer level, Long people, Long peopleIn, Long peopleOut, long version) {}

    /** Where the people who left step {@code id} went next (no path, no filter). */
    public NextSteps next(String id) {
        return next(NextQuery.of(id));
    }

    /**
     * Where people went next. With a path ({@code after}) the answer comes from the released paths:
     * while the path so far with the step has no released leavers or no released continuation, its
     * oldest step is dropped ("backing off"), and {@code pathUsed} says which suffix answered.
     */
    public NextSteps next(NextQuery query) {
        Reads reads = new Reads(db);
        if (query.since() != null) {
            NextSteps bySince = slice(
                    reads,
                    query,
                    "queries/next-by-since",
                    query.since(),
                    new NextSteps.Filters(null, null, query.since(), query.since(), query.kind()));
            if (bySince.peopleLeaving() != null && !bySince.next().isEmpty()) {
                return bySince;
            }
            // Too few left after such a stay: everyone who left the step answers, and the filters say so.
            return everyone(reads, query, new NextSteps.Filters(null, null, query.since(), null, query.kind()));
        }
        NextSteps.Filters filters = new NextSteps.Filters(query.region(), query.period(), null, null, query.kind());
        if (query.region() != null || query.period() != null) {
            NextSteps sliced = query.region() != null
                    ? slice(reads, query, "queries/next-by-region", query.region(), filters)
                    : slice(reads, query, "queries/next-by-period", query.period(), filters);
            if (sliced.peopleLeaving() != null && !sliced.next().isEmpty()) {
                return sliced;
            }
            // Too few left in that region or period: everyone who left the step answers, as La Bonne Formation falls
            // back to a wider group, and the scope and reasons say so.
            return everyone(reads, query, new NextSteps.Filters(null, null, null, null, query.kind()));
        }
        return everyone(reads, query, filters);
    }

    /** Where everyone who left the step went, or (with {@code after}) those who came by that path, backing off. */
    private NextSteps everyone(Reads reads, NextQuery query, NextSteps.Filters filters) {
        List<Row> rows = reads.read("queries/next-steps", params("step", query.step()), r -> r);
        if (rows.isEmpty()) {
            throw new StepNotFoundException(query.step(), closeMatches(query.step()));
        }
        Row first = rows.get(0);
        StepRef step = new StepRef(
                first.get("stepId").asString(),
                first.get("stepKind").asString(),
                first.get("stepLabel").asString(),
                first.text("stepDomain"));
        long version = version(first);
        List<String> after = query.after();
        for (String before : after) {
            findStep(reads, before);
        }
        while (!after.isEmpty()) {
            String key = String.join(";", after) + ";" + query.step();
            List<Row> continuations = reads.read("queries/next-after", params("key", key), r -> r);
            Long leaving = continuations.isEmpty() ? null : continuations.get(0).count("leaving");
            Flow flow = flow(continuations, leaving, query.kind(), true);
            if (leaving != null && !flow.items().isEmpty()) {
                return answer(step, query, after, filters, leaving, flow, reads, version);
            }
            after = after.subList(1, after.size());
        }
        Long leaving = first.count("leaving");
        Flow flow = flow(rows, leaving, query.kind(), true);
        return answer(step, query, List.of(), filters, leaving, flow, reads, version);
    }

    private NextSteps answer(
            StepRef step,
            NextQuery query,
            List<String> pathUsed,
            NextSteps.Filters filters,
            Long leaving,
            Flow flow,
            Reads reads,
            long version) {
        Reasons reasons = flow.reasons("peopleLeaving", leaving, "next", thresholds, query.kind() != null);
        if (pathUsed.size() < query.after().size()) {
            List<String> asked = new ArrayList<>(query.after());
            asked.add(step.id());
            List<String> used = new ArrayList<>(pathUsed);
            used.add(step.id());
            reasons.put(
                    "pathUsed",
                    Reasons.FEWER_THAN_K + " went on after the path " + String.join(" → ", asked)
                            + "; the answer is for "
                            + (pathUsed.isEmpty()
                                    ? "everyone who left " + step.id()
                                    : "the people who came by " + String.join(" → ", used)));
        }
        if (filters.sinceRequested() != null && filters.since() == null) {
            reasons.put(
                    "filters.since",
                    Reasons.FEWER_THAN_K + " left " + step.id() + " after a stay of " + filters.sinceRequested()
                            + " months; the answer is for everyone who left it");
        }
        if (query.region() != null && filters.region() == null) {
            reasons.put(
                    "filters.region",
                    Reasons.FEWER_THAN_K + " left " + step.id() + " in region " + query.region()
                            + " for a released destination; the answer is for everyone who left it");
        }
        if (query.period() != null && filters.period() == null) {
            reasons.put(
                    "filters.period",
                    Reasons.FEWER_THAN_K + " left " + step.id() + " after starting it in " + query.period()
                            + " for a released destination; the answer is for everyone who left it");
        }
        String asked = group(step.id(), query.after(), query.region(), query.period(), query.since());
        String used = group(step.id(), pathUsed, filters.region(), filters.period(), filters.since());
        Scope scope = asked.equals(used)
                ? Scope.asAsked(asked)
                : new Scope(
                        asked,
                        used,
                        Reasons.FEWER_THAN_K + " in the group asked (or none of its destinations released)");
        return new NextSteps(
                step,
                query.after(),
                pathUsed,
                filters,
                leaving,
                flow.items(),
                flow.hiddenPeople(),
                flow.filteredOutPeople(),
                reasons.asMap(),
                scope,
                evidence(reads, version));
    }

    /** The people an answer about {@code step} is for, in words. */
    private static String group(String step, List<String> path, String region, String period, String since) {
        StringBuilder g = new StringBuilder("the people who left ").append(step);
        if (!path.isEmpty()) {
            g.append(" having come by ").append(String.join(" → ", path));
        }
        if (region != null) {
            g.append(" in region ").append(region);
        }
        if (period != null) {
            g.append(" having started it in ").append(period);
        }
        if (since != null) {
            g.append(" after a stay in the bin of ").append(since).append(" months");
        }
        return g.toString();
    }

    /** Where the people of one slice of a step (a region, a period, a "since" bin) went next. */
    private NextSteps slice(Reads reads, NextQuery query, String name, String value, NextSteps.Filters filters) {
        KnownStep s = findStep(reads, query.step());
        List<Row> rows = reads.read(name, params("step", query.step(), "value", value), r -> r);
        Long leaving = rows.isEmpty() ? null : rows.get(0).count("leaving");
        Flow flow = flow(rows, leaving, query.kind(), true);
        return answer(s.ref(), query, List.of(), filters, leaving, flow, reads, s.version());
    }

    /** Where the people who came to step {@code id} came from. */
    public PreviousSteps previous(String id, String kind) {
        Reads reads = new Reads(db);
        KnownStep s = findStep(reads, id);
        List<Row> rows =
                reads.read("queries/previous-steps", params("step", s.ref().id()), r -> r);
        Flow flow = flow(rows, s.peopleIn(), kind, false);
        return new PreviousSteps(
                s.ref(),
                s.peopleIn(),
                flow.items(),
                flow.hiddenPeople(),
                flow.filteredOutPeople(),
                flow.reasons("peopleArriving", s.peopleIn(), "previous", thresholds, kind != null)
                        .asMap(),
                evidence(reads, s.version()));
    }

    /**
     * A breakdown as answers list it: the items of the kind asked, the rest too small to list, the
     * people of the released items left out by the kind filter, and whether a listed share is missing.
     */
    record Flow(List<NextStep> items, Long hiddenPeople, long filteredOut, boolean sharesMissing) {
        /** The people of released items of other kinds; null when none was left out (or no filter). */
        Long filteredOutPeople() {
            return filteredOut > 0 ? filteredOut : null;
        }

        Reasons reasons(String totalField, Long total, String listField, Thresholds thresholds, boolean filtered) {
            return Reasons.breakdown(
                    totalField,
                    total,
                    listField,
                    items.size(),
                    filtered ? filteredOut : 0,
                    "hiddenPeople",
                    hiddenPeople,
                    sharesMissing,
                    thresholds.minDenominator());
        }
    }

    /**
     * Released cells as a breakdown of {@code total}. A kind filter only narrows what is listed: the
     * rest (total minus every released item, of any kind) is arithmetic on released values, so it says
     * nothing the release does not; it is given only when at least k.
     */
    private Flow flow(List<Row> rows, Long total, String kind, boolean sharesReleased) {
        List<NextStep> items = new ArrayList<>();
        long released = 0;
        long filteredOut = 0;
        boolean sharesMissing = false;
        for (Row r : rows) {
            if (r.get("id").isNull() || r.get("people").isNull()) {
                continue;
            }
            long people = r.get("people").asLong();
            released += people;
            if (kind != null && !kind.equals(r.get("kind").asString())) {
                filteredOut += people;
                continue;
            }
            Share share = sharesReleased ? share(r) : thresholds.share(people, total);
            sharesMissing |= share == null;
            items.add(new NextStep(stepRef(r), people, share, r.integer("afterEndMonths"), r.integer("medianMonths")));
        }
        return new Flow(items, thresholds.remainder(total, released), filteredOut, sharesMissing);
    }

    /** A share as the release holds it (value and 95% interval), or null. */
    static Share share(Row r) {
        return r.get("share").isNull()
                ? null
                : new Share(
                        r.get("share").asDouble(),
                        r.get("shareLow").asDouble(),
                        r.get("shareHigh").asDouble());
    }

    /**
     * The steps already looked up on the store being read (a release store holds one release and never changes):
     * most answers look up two to four steps, each a query of its own before.
     */
    private final PerRelease<java.util.concurrent.ConcurrentHashMap<String, KnownStep>> known =
            new PerRelease<>(generation -> new java.util.concurrent.ConcurrentHashMap<>());

    /**
     * Answers to public questions kept for the release being read (a release store never changes): for answers
     * composed of others ({@code POST /api/counsel}), which the HTTP cache does not see. Keys name public
     * questions only (a step, a job, a horizon), never a person's path; at most {@link #MEMO_ENTRIES}.
     */
    private final PerRelease<java.util.concurrent.ConcurrentHashMap<List<Object>, Object>> memo =
            new PerRelease<>(generation -> new java.util.concurrent.ConcurrentHashMap<>());

    static final int MEMO_ENTRIES = 50_000;

    @SuppressWarnings("unchecked")
    <T> T memo(List<Object> key, java.util.function.Supplier<T> answer) {
        long generation = db.contentGeneration();
        if (generation < 0) {
            return answer.get();
        }
        java.util.concurrent.ConcurrentHashMap<List<Object>, Object> held = memo.get(generation);
        Object found = held.get(key);
        if (found == null) {
            found = answer.get();
            if (held.size() < MEMO_ENTRIES) {
                held.putIfAbsent(key, found);
            }
        }
        return (T) found;
    }

    /** An answer kept by {@link #memo} for this release, or null. */
    @SuppressWarnings("unchecked")
    <T> T memoPeek(List<Object> key) {
        long generation = db.contentGeneration();
        return generation < 0 ? null : (T) memo.get(generation).get(key);
    }

    /** The step {@code id} as released; a 404 with close matches when there is none. */
    KnownStep findStep(Reads reads, String id) {
        long generation = db.contentGeneration();
        if (generation < 0) {
            return readStep(reads, id);
        }
        java.util.concurrent.ConcurrentHashMap<String, KnownStep> steps = known.get(generation);
        KnownStep step = steps.get(id);
        if (step != null) {
            reads.used("queries/step-by-id");
            return step;
        }
        step = readStep(reads, id);
        // Known steps only (an unknown id throws above): the map holds at most the release's steps.
        steps.putIfAbsent(id, step);
        return step;
    }

    private KnownStep readStep(Reads reads, String id) {
        List<KnownStep> found = reads.read(
                "queries/step-by-id",
                params("id", id),
                r -> new KnownStep(
                        stepRef(r),
                        r.text("field"),
                        r.integer("level"),
                        r.count("people"),
                        r.count("peopleIn"),
                        r.count("peopleOut"),
                        version(r)));
        if (found.isEmpty()) {
            throw new StepNotFoundException(id, closeMatches(id));
        }
        return found.get(0);
    }

    /** Known steps that look like an unknown id: same code with other case, or close by edit distance or label. */
    private List<StepRef> closeCodes(String id) {
        String folded = Folding.fold(id);
        List<Row> all = db.rows("queries/step-list", Map.of(), r -> r);
        return all.stream()
                .map(r -> Map.entry(
                        r,
                        score(
                                folded,
                                Folding.fold(r.get("id").asString()),
                                r.get("search").asString(""))))
                .filter(e -> e.getValue() <= 3)
                .sorted(Map.Entry.<Row, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey().get("id").asString()))
                .limit(5)
                .map(e -> stepRef(e.getKey()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** Close matches by code and label first, then what search finds for the text ("infirmiere" → J1506). */
    List<StepRef> closeMatches(String id) {
        List<StepRef> out = closeCodes(id);
        for (StepSummary s :
                search().find(id.replace('-', ' ').replace('_', ' '), null, 5).steps()) {
            if (out.size() < 5 && out.stream().noneMatch(r -> r.id().equals(s.id()))) {
                out.add(new StepRef(s.id(), s.kind(), s.label(), s.domain()));
            }
        }
        return out;
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
        return fr.passerelle.mapping.TitleMatcher.distance(query, id, Integer.MAX_VALUE - 1);
    }

    /** Steps by the number of people who arrived at them (released, at least k), most first. */
    public Map<String, Long> popularDestinations() {
        Map<String, Long> popular = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Long> e : db.read(
                "queries/popular-destinations",
                Map.of("k", thresholds.k()),
                r -> Map.entry(r.get("id").asString(), r.get("people").asLong()))) {
            popular.put(e.getKey(), e.getValue());
        }
        return popular;
    }

    private final PerRelease<Map<String, StepRef>> refs = new PerRelease<>(v -> readRefs());

    /** Every step as answers name it, by code, as of release {@code version} (read once per version). */
    /** A ROME domain's label in the release, or null when the release has none of its jobs. */
    String domainLabel(Reads reads, String code) {
        List<Row> rows = reads.read("queries/domain", params("code", code), r -> r);
        return rows.isEmpty() ? null : rows.get(0).text("label");
    }

    Map<String, StepRef> refs(Reads reads, long version) {
        reads.used("queries/step-list");
        return refs.get(version);
    }

    private Map<String, StepRef> readRefs() {
        Map<String, StepRef> all = new HashMap<>();
        for (StepRef ref : db.rows("queries/step-list", Map.of(), StepService::stepRef)) {
            all.put(ref.id(), ref);
        }
        return Map.copyOf(all);
    }

    /** The served release's version, read as part of {@code reads} (so that its evidence names the query). */
    static long datasetVersion(Reads reads) {
        List<Long> v = reads.read(
                "queries/dataset-version", Map.of(), r -> r.get("version").asLong(0));
        return v.isEmpty() ? 0 : v.get(0);
    }

    public long datasetVersion() {
        List<Long> v = db.read(
                "queries/dataset-version", Map.of(), r -> r.get("version").asLong(0));
        return v.isEmpty() ? 0 : v.get(0);
    }

    /** The release version a step record was read with ({@code step-by-id} returns it). */
    static long version(Row step) {
        return step.get("version").asLong(0);
    }

    /**
     * Evidence for an answer on release {@code version}: the queries it read, in the order they ran,
     * and when the release's figures were computed (its publication), so that the same question on
     * the same release gives the same bytes on every replica.
     */
    Evidence evidence(Reads reads, long version) {
        return new Evidence(
                version,
                thresholds.k(),
                thresholds.minDenominator(),
                reads.queries().stream().map(q -> "cypher/" + q + ".cypher").collect(Collectors.joining(" + ")),
                about(version).publishedAt(),
                about(version).synthetic(),
                about(version).maxNoise(),
                Evidence.noiseSentence(about(version).maxNoise(), thresholds.k()));
    }

    /** When a release was published, and whether it holds synthetic demo people only. */
    private record About(String publishedAt, boolean synthetic, Integer maxNoise) {}

    private final PerRelease<About> about = new PerRelease<>(v -> readAbout());

    /** Release {@code version}'s publication time and demo flag (read once per version); now for a graph never published. */
    private About about(long version) {
        return about.get(version);
    }

    private About readAbout() {
        List<About> read = db.rows(
                "queries/dataset-version",
                Map.of(),
                r -> new About(r.text("publishedAt"), r.get("synthetic").asBoolean(false), r.integer("maxNoise")));
        return read.isEmpty() || read.get(0).publishedAt() == null
                ? new About(
                        Instant.now(clock).toString(),
                        !read.isEmpty() && read.get(0).synthetic(),
                        read.isEmpty() ? null : read.get(0).maxNoise())
                : read.get(0);
    }

    /** Whether the served release holds synthetic demo people only (health says so, the page shows a banner). */
    public boolean synthetic() {
        return about(datasetVersion()).synthetic();
    }

    static StepRef stepRef(Row r) {
        return new StepRef(
                r.get("id").asString(), r.get("kind").asString(), r.get("label").asString(), r.text("domain"));
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }
}
