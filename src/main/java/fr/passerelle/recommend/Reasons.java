package fr.passerelle.recommend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a figure is missing or a list is empty, by the answer's field name, in a fixed vocabulary an
 * app can match on and show. "fewer than k" covers none at all too, on purpose: telling "nobody" from
 * "fewer than 11" would tell a reader whether somebody is there, which is what k protects.
 */
final class Reasons {
    static final String FEWER_THAN_K = "fewer than k";
    static final String DENOMINATOR_UNDER_MIN = "denominator under 20";
    static final String FILTERED_OUT = "filtered out";

    private final Map<String, String> byField = new LinkedHashMap<>();

    Reasons put(String field, String reason) {
        byField.put(field, reason);
        return this;
    }

    /** The reasons given, in the order they were put; empty when every figure is there. */
    Map<String, String> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(byField));
    }

    /** The reasons for a breakdown of {@code total} into {@code listed} items (destinations, origins, situations). */
    static Reasons breakdown(
            String totalField,
            Long total,
            String listField,
            int listed,
            long filteredOut,
            String restField,
            Long rest,
            boolean sharesMissing,
            int minDenominator) {
        Reasons r = new Reasons();
        if (total == null) {
            r.put(totalField, FEWER_THAN_K);
        }
        if (listed == 0) {
            r.put(listField, filteredOut > 0 ? FILTERED_OUT : FEWER_THAN_K);
        }
        if (rest == null) {
            r.put(restField, FEWER_THAN_K);
        }
        if (sharesMissing) {
            r.put(
                    "share",
                    total != null && total < minDenominator ? "denominator under " + minDenominator : FEWER_THAN_K);
        }
        return r;
    }
}
