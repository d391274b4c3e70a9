package fr.passerelle.api;

import io.javalin.http.Context;
import java.util.Set;

/** Query-parameter parsing that answers 400 with the parameter's name and allowed range. */
final class Params {
    private static final Set<String> LANGUAGES = Set.of("fr", "en");

    private Params() {}

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
            throw ApiError.badParameter(
                    name, value, String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** The language {@code lang} names (fr or en; anything else is a 400 naming both), or null when it is absent. */
    static fr.passerelle.texts.Texts.Language language(Context ctx) {
        String asked = oneOf(ctx, "lang", LANGUAGES);
        return asked == null ? null : fr.passerelle.texts.Texts.Language.of(asked.equals("en"));
    }

    /** An optional whole number in [min, max], or null. */
    static Integer optionalInt(Context ctx, String name, int min, int max) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : intParam(ctx, name, min, max, 0);
    }

    /** A comma-separated list of at most {@code maxItems} step codes, possibly empty. */
    static java.util.List<String> codes(Context ctx, String name, int maxItems) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return java.util.List.of();
        }
        java.util.List<String> codes = java.util.Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .toList();
        if (codes.size() > maxItems || codes.stream().anyMatch(c -> c.length() > 64)) {
            throw ApiError.badParameter(
                    name, value, "a comma-separated list of at most " + maxItems + " step codes, oldest first");
        }
        return codes;
    }

    /** A comma-separated list of whole numbers in [min, max]. */
    static java.util.List<Integer> ints(
            Context ctx, String name, int min, int max, int maxItems, java.util.List<Integer> fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            java.util.List<Integer> ints = java.util.Arrays.stream(value.split(","))
                    .map(String::trim)
                    .map(Integer::parseInt)
                    .distinct()
                    .sorted()
                    .toList();
            if (!ints.isEmpty() && ints.size() <= maxItems && ints.stream().allMatch(i -> i >= min && i <= max)) {
                return ints;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiError.badParameter(
                name, value, "a comma-separated list of at most " + maxItems + " whole numbers in " + min + ".." + max);
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
            throw ApiError.badParameter(
                    name,
                    value.substring(0, Math.min(20, value.length())) + "…",
                    "at most " + maxLength + " characters");
        }
        return value;
    }

    /** A text field of a JSON body; a body that is not a JSON object is a 400. */
    static String jsonField(String body, String name) {
        try {
            com.fasterxml.jackson.databind.JsonNode node =
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw ApiError.badParameter("body", "", "a JSON object with \"" + name + "\"");
            }
            com.fasterxml.jackson.databind.JsonNode value = node.get(name);
            return value == null || !value.isTextual() ? null : value.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badParameter("body", "", "a JSON object with \"" + name + "\"");
        }
    }
}
