package fr.passerelle.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An establishment's UAI ("unité administrative immatriculée"), the national code of a school, lycée,
 * apprentice centre or university: seven characters and a check letter (the seven read as a number,
 * modulo 23, in {@code ABCDEFGHJKLMNPRSTUVWXYZ}). It is the only establishment attribute Passerelle
 * keeps: never a campus, a class or a group.
 */
public final class Uai {
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("[0-9]{7}[A-Z]");

    private Uai() {}

    /** The code in upper case when it is a well-formed UAI whose check letter matches, else empty. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.trim().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(code).matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(code.substring(0, 7));
        return LETTERS.charAt(number % 23) == code.charAt(7) ? Optional.of(code) : Optional.empty();
    }

    /** The check letter of seven digits (for tests and the demo's own establishments). */
    public static String withCheckLetter(String sevenDigits) {
        if (sevenDigits.length() != 7 || !sevenDigits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a UAI starts with seven digits, not " + sevenDigits);
        }
        return sevenDigits + LETTERS.charAt(Integer.parseInt(sevenDigits) % 23);
    }
}
