package fr.passerelle.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a step is. */
public enum StepKind {
    EDUCATION,
    JOB,
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StepKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.code().equals(t)).findFirst();
    }
}
