package fr.passerelle.mapping;

import fr.passerelle.catalog.Folding;
import fr.passerelle.catalog.StepKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a title as people write it ("Développeuse web full-stack", "BTS SIO option SLAM") to a step
 * code, ignoring case, accents, gender forms, word order and common abbreviations. Each answer has a
 * confidence (1 for an override or the same words as an official title; otherwise the IDF-weighted
 * overlap of words); below the threshold the title stays unmapped rather than being forced.
 */
public final class TitleMatcher {
    /** A reference title: the code it stands for and where it comes from (catalogue, rome, rncp...). */
    public record Reference(String code, StepKind kind, String title, String label, String source) {}

    /** The answer for one title. {@code code} is null when unmapped. */
    public record Match(String title, StepKind kind, String code, String label, double confidence, String method) {
        public boolean mapped() {
            return code != null;
        }
    }

    private static final Set<String> STOPWORDS = Set.of(
            "de",
            "du",
            "des",
            "la",
            "le",
            "les",
            "l",
            "d",
            "et",
            "en",
            "a",
            "au",
            "aux",
            "un",
            "une",
            "pour",
            "par",
            "sur",
            "dans",
            "avec",
            "option",
            "specialite",
            "mention",
            "parcours",
            "h",
            "f",
            "hf",
            "fh",
            "the",
            "of",
            "and",
            "in");
    /** Phrases and abbreviations to one canonical form, applied to references and queries alike. */
    private static final List<String[]> PHRASES = List.of(
            new String[] {"brevet de technicien superieur", "bts"},
            new String[] {"certificat d aptitude professionnelle", "cap"},
            new String[] {"baccalaureat professionnel", "bacpro"},
            new String[] {"bac professionnel", "bacpro"},
            new String[] {"bac pro", "bacpro"},
            new String[] {"baccalaureat technologique", "bactechno"},
            new String[] {"bac techno", "bactechno"},
            new String[] {"bac sti2d", "bactechno sti2d"},
            new String[] {"bac stmg", "bactechno stmg"},
            new String[] {"bac st2s", "bactechno st2s"},
            new String[] {"bac stl", "bactechno stl"},
            new String[] {"bac stav", "bactechno stav"},
            new String[] {"baccalaureat general", "bacgeneral"},
            new String[] {"bachelor universitaire de technologie", "but"},
            new String[] {"diplome universitaire de technologie", "dut"},
            new String[] {"licence professionnelle", "licpro"},
            new String[] {"licence pro", "licpro"},
            new String[] {"lic pro", "licpro"},
            new String[] {"titre professionnel", "tp"},
            new String[] {"titre ingenieur", "ingenieur"},
            new String[] {"diplome d ingenieur", "ingenieur"},
            new String[] {"brevet professionnel", "bp"},
            new String[] {"diplome d etat", "diplomeetat"},
            new String[] {"full stack", "fullstack"});

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("m1", "master"),
            Map.entry("m2", "master"),
            Map.entry("msc", "master"),
            Map.entry("l3", "licence"),
            Map.entry("l1", "licence"),
            Map.entry("l2", "licence"),
            Map.entry("lp", "licpro"),
            Map.entry("dev", "developpeur"),
            Map.entry("developer", "developpeur"),
            Map.entry("info", "informatique"),
            Map.entry("infos", "informatique"),
            Map.entry("resp", "responsable"),
            Map.entry("assist", "assistant"),
            Map.entry("rh", "ressources humaines"),
            Map.entry("sio", "services informatiques aux organisations"),
            Map.entry("mco", "management commercial operationnel"),
            Map.entry("ndrc", "negociation digitalisation relation client"),
            Map.entry("cg", "comptabilite gestion"),
            Map.entry("gpme", "gestion pme"),
            Map.entry("sam", "support action manageriale"),
            Map.entry("ciel", "cybersecurite informatique reseaux electronique"),
            Map.entry("mhr", "management hotellerie restauration"),
            Map.entry("tc", "techniques commercialisation"),
            Map.entry("gea", "gestion entreprises administrations"),
            Map.entry("aes", "administration economique sociale"),
            Map.entry("staps", "sciences techniques activites physiques sportives"),
            Map.entry("sti2d", "sti2d industrie developpement durable"),
            Map.entry("stmg", "stmg sciences technologies management gestion"),
            Map.entry("st2s", "st2s sante social"),
            Map.entry("stl", "stl sciences technologies laboratoire"),
            Map.entry("stav", "stav agronomie vivant"));

    private final Map<String, List<Reference>> exact = new HashMap<>();
    private final Map<String, List<Integer>> index = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<Set<String>> referenceTokens = new ArrayList<>();
    private final Map<String, Double> idf = new HashMap<>();
    private double[] referenceWeights;
    /** Every word of every title of a code: a title nobody wrote exactly can still be covered by a code's other titles. */
    private final Map<String, Set<String>> codeWords = new HashMap<>();

    private final Map<String, Integer> codeIndex = new HashMap<>();
    private int[] referenceCode;
    private final Map<String, Reference> overrides = new HashMap<>();
    private final double threshold;
    /** Weight of the best single title against the code's titles together: 0.7 was best of 1.0/0.7/0.5 on held-out ROME titles. */
    private static final double BLEND = 0.7;

    public TitleMatcher(List<Reference> refs, Map<String, Reference> overrides, double threshold) {
        this.threshold = threshold;
        Map<String, Integer> df = new HashMap<>();
        for (Reference r : refs) {
            Set<String> tokens = tokens(r.title());
            if (tokens.isEmpty()) {
                continue;
            }
            int i = references.size();
            references.add(r);
            referenceTokens.add(tokens);
            exact.computeIfAbsent(key(tokens), k -> new ArrayList<>()).add(r);
            for (String t : tokens) {
                index.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
                df.merge(t, 1, Integer::sum);
            }
            codeWords.computeIfAbsent(r.code(), k -> new java.util.HashSet<>()).addAll(tokens);
        }
        int n = Math.max(1, references.size());
        df.forEach((t, count) -> idf.put(t, Math.log(1.0 + (double) n / count)));
        referenceCode = new int[references.size()];
        for (int i = 0; i < referenceCode.length; i++) {
            referenceCode[i] = codeIndex.computeIfAbsent(references.get(i).code(), k -> codeIndex.size());
        }
        referenceWeights = new double[references.size()];
        for (int i = 0; i < referenceWeights.length; i++) {
            referenceWeights[i] = weight(referenceTokens.get(i));
        }
        for (Map.Entry<String, Reference> e : overrides.entrySet()) {
            this.overrides.put(Folding.fold(e.getKey()), e.getValue());
        }
    }

    public double threshold() {
        return threshold;
    }

    public int size() {
        return references.size();
    }

    /** The best code for {@code title} among references of {@code kind} (any kind when null). */
    public Match match(String title, StepKind kind) {
        Reference override = overrides.get(Folding.fold(title));
        if (override != null && (kind == null || override.kind() == kind)) {
            return new Match(title, override.kind(), override.code(), override.label(), 1.0, "override");
        }
        Set<String> q = tokens(title);
        if (q.isEmpty()) {
            return new Match(title, kind, null, null, 0, "unmapped");
        }
        List<Reference> same = exact.getOrDefault(key(q), List.of()).stream()
                .filter(r -> kind == null || r.kind() == kind)
                .toList();
        if (!same.isEmpty()) {
            Reference best = preferred(same);
            return new Match(title, best.kind(), best.code(), best.label(), 1.0, "exact");
        }
        Candidates found = candidates(q, kind);
        double[] bestByCode = found.bestByCode();
        int[] refByCode = found.refByCode();
        List<Integer> touched = found.touched();
        Reference best = null;
        double bestScore = 0;
        // Best single titles first; a code whose title score cannot lift it above the best so far
        // even with full coverage is not looked at (coverage adds at most 1 - BLEND).
        touched.sort((a, b) -> Double.compare(bestByCode[b], bestByCode[a]));
        for (int c : touched) {
            if (BLEND * bestByCode[c] + (1 - BLEND) < bestScore - 1e-9) {
                break;
            }
            Reference r = references.get(refByCode[c]);
            double score = BLEND * bestByCode[c] + (1 - BLEND) * covered(r.code(), q) / found.queryWeight();
            if (score > bestScore + 1e-9
                    || (Math.abs(score - bestScore) <= 1e-9 && best != null && rank(r) < rank(best))) {
                best = r;
                bestScore = score;
            }
        }
        double confidence = Math.round(Math.min(bestScore, 0.99) * 1000) / 1000.0;
        if (best == null || confidence < threshold) {
            return new Match(title, kind, null, null, confidence, "unmapped");
        }
        return new Match(title, best.kind(), best.code(), best.label(), confidence, "fuzzy");
    }

    /** A code's score for a query, with the reference title that gave it. */
    public record Scored(Reference reference, double score) {}

    /**
     * Every code that shares a word with the query (tokens as {@link #tokens} gives them), best first:
     * the same scores {@link #match} ranks by, for a search that lists more than the best one.
     */
    public List<Scored> ranked(Set<String> query, StepKind kind, int limit) {
        List<Scored> all = scored(query, kind);
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** Per code touched by the query: its best single title's score (weighted Dice) and which title. */
    private record Candidates(double[] bestByCode, int[] refByCode, List<Integer> touched, double queryWeight) {}

    private Candidates candidates(Set<String> q, StepKind kind) {
        Map<Integer, Double> common = new HashMap<>();
        for (String t : q) {
            double w = idf.getOrDefault(t, 0.0);
            for (int i : index.getOrDefault(t, List.of())) {
                common.merge(i, w, Double::sum);
            }
        }
        double qWeight = weight(q);
        // Per code: the best single title (weighted Dice), blended with how much of the query the
        // code's titles cover together.
        double[] bestByCode = new double[codeIndex.size()];
        int[] refByCode = new int[codeIndex.size()];
        java.util.Arrays.fill(refByCode, -1);
        List<Integer> touched = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : common.entrySet()) {
            int i = e.getKey();
            Reference r = references.get(i);
            if (kind != null && r.kind() != kind) {
                continue;
            }
            double score = 2 * e.getValue() / (qWeight + referenceWeights[i]);
            int c = referenceCode[i];
            int seen = refByCode[c];
            if (seen < 0) {
                touched.add(c);
            }
            if (seen < 0
                    || score > bestByCode[c] + 1e-9
                    || (Math.abs(score - bestByCode[c]) <= 1e-9 && rank(r) < rank(references.get(seen)))) {
                bestByCode[c] = score;
                refByCode[c] = i;
            }
        }
        return new Candidates(bestByCode, refByCode, touched, qWeight);
    }

    /** The IDF weight of the query's words that some title of {@code code} has. */
    private double covered(String code, Set<String> q) {
        Set<String> words = codeWords.get(code);
        double covered = 0;
        for (String t : q) {
            if (words.contains(t)) {
                covered += idf.getOrDefault(t, 0.0);
            }
        }
        return covered;
    }

    private List<Scored> scored(Set<String> q, StepKind kind) {
        List<Scored> out = new ArrayList<>();
        Candidates found = candidates(q, kind);
        for (int c : found.touched()) {
            Reference r = references.get(found.refByCode()[c]);
            out.add(new Scored(
                    r, BLEND * found.bestByCode()[c] + (1 - BLEND) * covered(r.code(), q) / found.queryWeight()));
        }
        out.sort((a, b) -> {
            int byScore = Double.compare(b.score(), a.score());
            if (Math.abs(a.score() - b.score()) > 1e-9 && byScore != 0) {
                return byScore;
            }
            int byRank = Integer.compare(rank(a.reference()), rank(b.reference()));
            return byRank != 0
                    ? byRank
                    : a.reference().code().compareTo(b.reference().code());
        });
        return out;
    }

    /**
     * The query's words with each word no reference has replaced by one that does: the most common
     * word it begins (a word typed half-way, "infirm"), else the closest by edit distance (one typo
     * in a word of 4 to 7 letters, two beyond), the most common on a tie. A word with no such
     * neighbour is kept as it is.
     */
    public Set<String> corrected(Set<String> query) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : query) {
            out.add(idf.containsKey(t) || t.length() < 3 ? t : nearest(t));
        }
        return out;
    }

    private String nearest(String word) {
        String best = null;
        int bestDf = -1;
        for (Map.Entry<String, List<Integer>> e : index.entrySet()) {
            if (e.getKey().startsWith(word) && e.getValue().size() > bestDf) {
                best = e.getKey();
                bestDf = e.getValue().size();
            }
        }
        if (best != null) {
            return best;
        }
        if (word.length() < 4) {
            return word;
        }
        int allowed = word.length() <= 7 ? 1 : 2;
        int bestDistance = allowed + 1;
        for (Map.Entry<String, List<Integer>> e : index.entrySet()) {
            String candidate = e.getKey();
            if (Math.abs(candidate.length() - word.length()) > allowed) {
                continue;
            }
            int d = distance(word, candidate, allowed);
            if (d > allowed) {
                continue;
            }
            if (d < bestDistance || (d == bestDistance && e.getValue().size() > bestDf)) {
                best = candidate;
                bestDistance = d;
                bestDf = e.getValue().size();
            }
        }
        return best == null ? word : best;
    }

    /** Levenshtein distance, cut short once every path is above {@code max} (returns max + 1). */
    public static int distance(String a, String b, int max) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private double weight(Set<String> tokens) {
        double w = 0;
        for (String t : tokens) {
            // A word no reference has weighs like the rarest: it counts against the match.
            w += idf.getOrDefault(t, Math.log(1.0 + Math.max(1, references.size())));
        }
        return w;
    }

    /** The project's own catalogue first (its codes are the graph's steps), then ROME, then the rest. */
    private static int rank(Reference r) {
        return switch (r.source()) {
            case "catalogue" -> 0;
            case "rome", "rome-appellation" -> 1;
            default -> 2;
        };
    }

    private static Reference preferred(List<Reference> refs) {
        Reference best = refs.get(0);
        for (Reference r : refs) {
            if (rank(r) < rank(best)) {
                best = r;
            }
        }
        return best;
    }

    private static String key(Set<String> tokens) {
        return String.join(" ", new java.util.TreeSet<>(tokens));
    }

    /** Folded, phrases and abbreviations made canonical, stop words out, gender and plural forms merged; order ignored. */
    public static Set<String> tokens(String title) {
        String text = " " + Folding.fold(title) + " ";
        for (String[] phrase : PHRASES) {
            text = text.replace(" " + phrase[0] + " ", " " + phrase[1] + " ");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String raw : text.trim().split(" +")) {
            if (raw.isEmpty()) {
                continue;
            }
            String expanded = WORDS.getOrDefault(raw, raw);
            for (String word : expanded.split(" ")) {
                if (!STOPWORDS.contains(word)) {
                    out.add(stem(word));
                }
            }
        }
        return out;
    }

    /** One form for masculine, feminine and plural: développeuse, développeurs → developpeur. */
    static String stem(String w) {
        if (w.length() <= 4 || w.chars().allMatch(Character::isDigit)) {
            return w;
        }
        String s = w;
        if (s.endsWith("s") || s.endsWith("x")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("euse")) {
            s = s.substring(0, s.length() - 4) + "eur";
        } else if (s.endsWith("eresse")) {
            s = s.substring(0, s.length() - 6) + "eur";
        } else if (s.endsWith("rice")) {
            s = s.substring(0, s.length() - 4) + "eur";
        } else if (s.endsWith("iere")) {
            s = s.substring(0, s.length() - 4) + "ier";
        } else if (s.endsWith("ere")) {
            s = s.substring(0, s.length() - 3) + "er";
        } else if (s.endsWith("ienne") || s.endsWith("enne")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("ive")) {
            s = s.substring(0, s.length() - 3) + "if";
        } else if (s.endsWith("ette")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("e") && s.length() > 4) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
