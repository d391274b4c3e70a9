package fr.passerelle.recommend;

import fr.passerelle.catalog.Folding;
import fr.passerelle.catalog.StepKind;
import fr.passerelle.mapping.TitleMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds released steps from what people type: "infirmière", "bac pro commerce", "dev web", "bts sio".
 * Every released step is known by its label, its code, the catalogue's everyday names and (for jobs)
 * the ROME job titles of its code; words are compared as {@link TitleMatcher#tokens} makes them
 * (accents, case, gender and plural forms, abbreviations, word order). A word no title has is
 * corrected to the nearest one, and the answer says so ({@code didYouMean}). Built once per release.
 */
public final class StepSearch {
    /** Below this score a step shares too little with the query to be listed (one word of three, roughly). */
    static final double FLOOR = 0.3;

    private final TitleMatcher matcher;
    private final Map<String, StepSummary> released;
    private final Map<String, String> byFoldedCode = new HashMap<>();
    /** A readable word for each token, to spell a correction back ("infirmier", not the stem). */
    private final Map<String, String> surface = new HashMap<>();

    /** The answer: hits best first, the corrected query when words were corrected, why nothing was found. */
    record Found(List<StepSummary> steps, String didYouMean, String reason) {}

    StepSearch(List<StepSummary> steps, SearchTitles titles) {
        this.released = new LinkedHashMap<>();
        for (StepSummary s : steps) {
            released.put(s.id(), s);
            byFoldedCode.put(Folding.fold(s.id()), s.id());
        }
        List<TitleMatcher.Reference> refs = new ArrayList<>();
        for (TitleMatcher.Reference r : titles.references()) {
            if (released.containsKey(r.code())) {
                refs.add(r);
            }
        }
        for (StepSummary s : steps) {
            StepKind kind = StepKind.parse(s.kind()).orElse(StepKind.OTHER);
            refs.add(new TitleMatcher.Reference(s.id(), kind, s.label(), s.label(), "catalogue"));
            refs.add(new TitleMatcher.Reference(s.id(), kind, s.id(), s.label(), "catalogue"));
        }
        // The shortest word for a token, then the first in alphabetical order: the catalogue's steps come
        // in no fixed order, and a correction must read the same on every start ("infirmier", never
        // "infirmiers" one day).
        for (TitleMatcher.Reference r : refs) {
            for (String word : Folding.fold(r.title()).split(" ")) {
                for (String token : TitleMatcher.tokens(word)) {
                    surface.merge(
                            token,
                            word,
                            (a, b) -> a.length() != b.length()
                                    ? (a.length() < b.length() ? a : b)
                                    : (a.compareTo(b) <= 0 ? a : b));
                }
            }
        }
        this.matcher = new TitleMatcher(refs, Map.of(), FLOOR);
    }

    /** Search over every step of {@code catalogue} (no release: people unknown), for evaluations. */
    public static StepSearch over(fr.passerelle.catalog.Catalogue catalogue, SearchTitles titles) {
        return new StepSearch(
                catalogue.steps().stream()
                        .map(s -> new StepSummary(
                                s.code(),
                                s.kind().code(),
                                s.label(),
                                s.domain(),
                                s.level() == 0 ? null : s.level(),
                                null))
                        .toList(),
                titles);
    }

    public int titles() {
        return matcher.size();
    }

    /** The codes found for {@code query}, best first. */
    public List<String> codes(String query, int limit) {
        return find(query, null, limit).steps().stream().map(StepSummary::id).toList();
    }

    Found find(String query, String kind, int limit) {
        StepKind k = kind == null ? null : StepKind.parse(kind).orElse(null);
        String folded = Folding.fold(query);
        if (folded.isEmpty()) {
            List<StepSummary> popular = released.values().stream()
                    .filter(s -> kind == null || kind.equals(s.kind()))
                    .sorted(Comparator.comparing((StepSummary s) -> s.people() == null ? 0 : s.people())
                            .reversed()
                            .thenComparing(StepSummary::id))
                    .limit(limit)
                    .toList();
            return new Found(popular, null, null);
        }
        Set<String> tokens = TitleMatcher.tokens(query);
        List<StepSummary> hits = hits(tokens, k, limit, folded);
        String exactCode = byFoldedCode.get(folded);
        if (exactCode != null
                && (kind == null || kind.equals(released.get(exactCode).kind()))) {
            List<StepSummary> withCode = new ArrayList<>();
            withCode.add(released.get(exactCode));
            hits.stream()
                    .filter(s -> !s.id().equals(exactCode))
                    .limit(limit - 1L)
                    .forEach(withCode::add);
            hits = withCode;
        }
        Set<String> corrected = matcher.corrected(tokens);
        if (!corrected.equals(tokens)) {
            // A word no title has is most likely mistyped: the corrected words' hits come first.
            List<StepSummary> merged = new ArrayList<>(hits(corrected, k, limit, folded));
            for (StepSummary s : hits) {
                if (merged.size() < limit && merged.stream().noneMatch(h -> h.id().equals(s.id()))) {
                    merged.add(s);
                }
            }
            if (!merged.isEmpty()) {
                return new Found(merged, spell(corrected), null);
            }
        }
        if (hits.isEmpty()) {
            return new Found(
                    hits,
                    null,
                    "no released step matches \"" + query + "\"; try a job title (\"infirmière\"), a diploma"
                            + " (\"bts sio\", \"bac pro commerce\") or a step code");
        }
        return new Found(hits, null, null);
    }

    private List<StepSummary> hits(Set<String> tokens, StepKind kind, int limit, String phrase) {
        record Hit(StepSummary step, long score) {}
        List<Hit> found = new ArrayList<>();
        for (TitleMatcher.Scored s : matcher.ranked(tokens, kind, Math.max(50, limit * 3))) {
            if (s.score() < FLOOR) {
                break;
            }
            StepSummary step = released.get(s.reference().code());
            // The official label holding the words as typed, in that order, is what was meant.
            String label = Folding.fold(step.label());
            double bonus = label.startsWith(phrase) ? 0.1 : label.contains(phrase) ? 0.05 : 0;
            found.add(new Hit(step, Math.round((s.score() + bonus) * 1000)));
        }
        // Equal scores (an ambiguous "vendeur"): the most travelled step first.
        return new ArrayList<>(found.stream()
                .sorted(Comparator.comparingLong(Hit::score)
                        .reversed()
                        .thenComparing(
                                h -> h.step().people() == null ? 0 : -h.step().people())
                        .thenComparing(h -> h.step().id()))
                .limit(limit)
                .map(Hit::step)
                .toList());
    }

    private String spell(Set<String> tokens) {
        List<String> words = new ArrayList<>();
        for (String t : tokens) {
            words.add(surface.getOrDefault(t, t));
        }
        return String.join(" ", words);
    }
}
