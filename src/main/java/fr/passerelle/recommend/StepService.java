package fr.passerelle.recommend;

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
        return new StepDetail(r.get("id").asString(), r.get("kind").asString(), r.get("label").asString(),
                nullableString(r.get("domain")), nullableString(r.get("field")),
                r.get("level").isNull() ? null : r.get("level").asInt(),
                shown(r.get("people").asLong(0)), shown(r.get("peopleIn").asLong(0)), shown(r.get("peopleOut").asLong(0)),
                evidence("queries/step-by-id"));
    }

    /** Where the people who left step {@code id} went next. */
    public NextSteps next(String id) {
        Record s = findStep(id);
        long leaving = s.get("peopleOut").asLong(0);
        List<Record> rows = db.read("queries/next-steps", params("step", id), r -> r);
        Disclosure.Result<Record> cells = Disclosure.apply(rows, r -> r.get("people").asLong(), leaving, thresholds);
        boolean shares = thresholds.canShowCount(leaving) && thresholds.canShowShare(leaving);
        List<NextStep> next = cells.shown().stream()
                .sorted(Comparator.comparingLong((Record r) -> r.get("people").asLong()).reversed()
                        .thenComparing(r -> r.get("id").asString()))
                .map(r -> new NextStep(stepRef(r), r.get("people").asLong(),
                        shares ? Share.of(r.get("people").asLong(), leaving) : null,
                        median(r)))
                .toList();
        return new NextSteps(stepRef(s), shown(leaving), next, cells.hidden().size(), cells.hiddenPeople(),
                evidence("queries/next-steps"));
    }

    /** The median duration only when at least k people with dates stand behind it. */
    private Integer median(Record r) {
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

    public long datasetVersion() {
        List<Long> v = db.read("queries/dataset-version", Map.of(), r -> r.get("version").asLong(0));
        return v.isEmpty() ? 0 : v.get(0);
    }

    Evidence evidence(String query) {
        return new Evidence(datasetVersion(), thresholds.k(), thresholds.minDenominator(), "cypher/" + query + ".cypher",
                Instant.now(clock).toString());
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
