package fr.passerelle.catalog;

import java.util.regex.Pattern;

/** A job's code in France Travail's ROME: a domain letter A to N and four digits, as D1403. */
public final class RomeCode {
    private static final Pattern SHAPE = Pattern.compile("[A-N][0-9]{4}");

    private RomeCode() {}

    /** Whether {@code code} is shaped as a ROME job code (not whether the ROME lists it). */
    public static boolean is(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }
}
