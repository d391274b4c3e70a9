package fr.passerelle.api;

import io.javalin.http.Context;
import java.util.Set;

/** Query-parameter parsing that answers 400 with the parameter's name and allowed range. */
final class Params {
    private Params() {
    }

    static int intParam(Context ctx, String name, int min, int max, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the allowed range
        }
        throw ApiError.badParameter(name, value, min + ".." + max);
    }

    static String oneOf(Context ctx, String name, Set<String> allowed) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ApiError.badParameter(name, value, String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    static String text(Context ctx, String name, int maxLength, boolean required) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiError.badParameter(name, value, "a non-empty text of at most " + maxLength + " characters");
            }
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiError.badParameter(name, value.substring(0, 20) + "…", "at most " + maxLength + " characters");
        }
        return value;
    }
}
