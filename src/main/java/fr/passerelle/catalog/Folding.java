package fr.passerelle.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds text for matching: no accents, lower case, punctuation as single spaces ("Études" ~ "etudes"). */
public final class Folding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Folding() {}

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed =
                Normalizer.normalize(text.replace('œ', 'o').replace('Œ', 'O').replace("æ", "ae"), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(plain).replaceAll(" ").trim();
    }
}
