package fr.passerelle.eval;

import fr.passerelle.catalog.StepKind;
import fr.passerelle.mapping.TitleMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How well free-text titles map back to their code, on the official references themselves:
 * ROME appellations (each gender form alone, e.g. "Abatteuse de carrière"), with a 5-fold split so
 * no title is matched against itself, and RNCP titles against the certification they name.
 */
public final class MappingEvaluation {
    private MappingEvaluation() {}

    /** Share mapped to the right code, mapped to another code, and left unmapped. */
    public record Score(String name, int titles, int right, int wrong, int unmapped) {
        public double rightShare() {
            return titles == 0 ? 0 : (double) right / titles;
        }

        @Override
        public String toString() {
            return String.format(
                    "%s: %d titles, %.1f%% to their own code, %.1f%% to another, %.1f%% unmapped",
                    name,
                    titles,
                    100.0 * right / Math.max(1, titles),
                    100.0 * wrong / Math.max(1, titles),
                    100.0 * unmapped / Math.max(1, titles));
        }
    }

    /** Masculine and feminine forms of "Abatteur / Abatteuse de carrière" as people write them. */
    public static List<String> genderForms(String title) {
        int slash = title.indexOf(" / ");
        if (slash < 0) {
            return List.of(title);
        }
        String left = title.substring(0, slash);
        String right = title.substring(slash + 3);
        int space = right.indexOf(' ');
        String rest = space < 0 ? "" : right.substring(space);
        int lastSpace = left.lastIndexOf(' ');
        String head = lastSpace < 0 ? "" : left.substring(0, lastSpace + 1);
        return List.of((left + rest).trim(), (head + right).trim());
    }

    /**
     * ROME appellations in 5 folds: the matcher knows the catalogue, the ROME labels and the other
     * folds' appellations, and maps each gender form of this fold's titles.
     */
    public static Score appellations(List<TitleMatcher.Reference> references, double threshold, long seed) {
        List<TitleMatcher.Reference> appellations = references.stream()
                .filter(r -> r.source().equals("rome-appellation"))
                .toList();
        List<TitleMatcher.Reference> others = references.stream()
                .filter(r -> !r.source().equals("rome-appellation"))
                .toList();
        Random random = new Random(seed);
        int[] fold = new int[appellations.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = random.nextInt(5);
        }
        int titles = 0;
        int right = 0;
        int wrong = 0;
        int unmapped = 0;
        for (int f = 0; f < 5; f++) {
            List<TitleMatcher.Reference> known = new ArrayList<>(others);
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] != f) {
                    known.add(appellations.get(i));
                }
            }
            TitleMatcher matcher = new TitleMatcher(known, Map.of(), threshold);
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] != f) {
                    continue;
                }
                for (String form : genderForms(appellations.get(i).title())) {
                    TitleMatcher.Match m = matcher.match(form, StepKind.JOB);
                    titles++;
                    if (!m.mapped()) {
                        unmapped++;
                    } else if (m.code().equals(appellations.get(i).code())) {
                        right++;
                    } else {
                        wrong++;
                    }
                }
            }
        }
        return new Score("ROME appellations (5-fold, each gender form)", titles, right, wrong, unmapped);
    }

    /**
     * Each ROME appellation as people might type it: one gender form alone, lower case, without
     * accents, words shuffled; matched with the full references (the synonym table is the
     * matcher's knowledge, the surface form is what varies).
     */
    public static Score appellationsAsTyped(List<TitleMatcher.Reference> references, double threshold, long seed) {
        TitleMatcher matcher = new TitleMatcher(references, Map.of(), threshold);
        Random random = new Random(seed);
        java.util.Set<String> seen = new java.util.HashSet<>();
        int titles = 0;
        int right = 0;
        int wrong = 0;
        int unmapped = 0;
        for (TitleMatcher.Reference r : references) {
            if (!r.source().equals("rome-appellation") || !seen.add(r.code() + "|" + r.title())) {
                continue;
            }
            for (String form : genderForms(r.title())) {
                List<String> words = new ArrayList<>(List.of(java.text.Normalizer.normalize(
                                form.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}+", "")
                        .split(" ")));
                java.util.Collections.shuffle(words, random);
                TitleMatcher.Match m = matcher.match(String.join(" ", words), StepKind.JOB);
                titles++;
                if (!m.mapped()) {
                    unmapped++;
                } else if (m.code().equals(r.code())) {
                    right++;
                } else {
                    wrong++;
                }
            }
        }
        return new Score(
                "ROME appellations as typed (one gender form, lower case, no accents, words shuffled)",
                titles,
                right,
                wrong,
                unmapped);
    }

    /** Each RNCP title (type + title) mapped among all references; right when it names a certification with that very title. */
    public static Score rncp(List<TitleMatcher.Reference> references, double threshold) {
        TitleMatcher matcher = new TitleMatcher(references, Map.of(), threshold);
        Map<String, java.util.Set<String>> codesByTokens = new java.util.HashMap<>();
        for (TitleMatcher.Reference r : references) {
            if (r.source().equals("rncp")) {
                codesByTokens
                        .computeIfAbsent(
                                String.join(" ", new java.util.TreeSet<>(TitleMatcher.tokens(r.title()))),
                                k -> new java.util.HashSet<>())
                        .add(r.code());
            }
        }
        int titles = 0;
        int right = 0;
        int wrong = 0;
        int unmapped = 0;
        for (TitleMatcher.Reference r : references) {
            if (!r.source().equals("rncp")) {
                continue;
            }
            titles++;
            TitleMatcher.Match m = matcher.match(r.title(), StepKind.EDUCATION);
            java.util.Set<String> same =
                    codesByTokens.get(String.join(" ", new java.util.TreeSet<>(TitleMatcher.tokens(r.title()))));
            if (!m.mapped()) {
                unmapped++;
            } else if (m.code().equals(r.code()) || same.contains(m.code())) {
                right++;
            } else {
                wrong++;
            }
        }
        return new Score(
                "RNCP titles (a certification of that exact title; " + codesByTokens.size() + " distinct titles)",
                titles,
                right,
                wrong,
                unmapped);
    }
}
