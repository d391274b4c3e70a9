package fr.passerelle.eval;

import fr.passerelle.files.Csv;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * How often search finds what people mean: queries as people type them (eval/search-queries.csv:
 * query, the acceptable step codes separated by '|', and the kind of query), scored by hit@1 (the
 * first step listed is acceptable) and hit@5 (one of the first five is).
 */
public final class SearchEvaluation {
    private SearchEvaluation() {}

    /** One query with the step codes that answer it. */
    public record Query(String text, List<String> expected, String kind) {}

    /** Hits over a set of queries, with the queries missed at 5. */
    public record Score(String name, int queries, int hit1, int hit5, List<String> missed) {
        public double hitAt1() {
            return queries == 0 ? 0 : (double) hit1 / queries;
        }

        public double hitAt5() {
            return queries == 0 ? 0 : (double) hit5 / queries;
        }

        @Override
        public String toString() {
            return String.format("%s: %d queries, hit@1 %.3f, hit@5 %.3f", name, queries, hitAt1(), hitAt5());
        }
    }

    public static List<Query> read(Path file) {
        List<Query> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : Csv.WITH_HEADER.parse(reader)) {
                out.add(new Query(
                        r.get("query"), Arrays.asList(r.get("expected").split("\\|")), r.get("kind")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /** Scores {@code search} (a query to the codes it lists, best first) overall and per kind of query. */
    public static List<Score> evaluate(List<Query> queries, Function<String, List<String>> search) {
        Map<String, int[]> byKind = new TreeMap<>();
        Map<String, List<String>> missedByKind = new TreeMap<>();
        for (Query q : queries) {
            List<String> found = search.apply(q.text());
            boolean at1 = !found.isEmpty() && q.expected().contains(found.get(0));
            boolean at5 = found.stream().limit(5).anyMatch(q.expected()::contains);
            for (String kind : List.of("all", q.kind())) {
                int[] c = byKind.computeIfAbsent(kind, k -> new int[3]);
                c[0]++;
                c[1] += at1 ? 1 : 0;
                c[2] += at5 ? 1 : 0;
                if (!at5) {
                    missedByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(q.text() + " -> " + found);
                }
            }
        }
        List<Score> out = new ArrayList<>();
        byKind.forEach(
                (kind, c) -> out.add(new Score(kind, c[0], c[1], c[2], missedByKind.getOrDefault(kind, List.of()))));
        out.sort((a, b) -> a.name().equals("all")
                ? -1
                : b.name().equals("all") ? 1 : a.name().compareTo(b.name()));
        return out;
    }
}
