package fr.passerelle.recommend;

import java.util.List;

/**
 * A "where next" question, within the release's catalogue: the step, and at most one of: the path
 * that led to it ({@code after}, oldest first), the region at that step, the entry period (a
 * 5-year bin of the year it started), the time already spent at it ({@code since}, a bin of
 * months). {@code kind} only narrows which destinations are listed.
 */
public record NextQuery(String step, List<String> after, String region, String period, String since, String kind) {
    public NextQuery {
        after = List.copyOf(after);
    }

    public static NextQuery of(String step) {
        return new NextQuery(step, List.of(), null, null, null, null);
    }

    /** The same question after {@code after} (oldest first). */
    public static NextQuery after(String step, List<String> after) {
        return new NextQuery(step, after, null, null, null, null);
    }

    /** The same question for people who spent a time in the "since" bin {@code since} at the step. */
    public static NextQuery since(String step, String since) {
        return new NextQuery(step, List.of(), null, null, since, null);
    }
}
