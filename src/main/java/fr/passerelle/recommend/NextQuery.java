package fr.passerelle.recommend;

import java.util.List;

/**
 * A "where next" question: the step, the path that led to it ({@code after}, oldest first, possibly
 * empty), and optional filters: the region at that step, the years it started in, the kind of
 * destination.
 */
public record NextQuery(String step, List<String> after, String region, Integer fromYear, Integer toYear, String kind) {
    public NextQuery {
        after = List.copyOf(after);
    }

    public static NextQuery of(String step) {
        return new NextQuery(step, List.of(), null, null, null, null);
    }

    boolean filtersPeople() {
        return region != null || fromYear != null || toYear != null;
    }
}
