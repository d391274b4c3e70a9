package fr.passerelle.analyst;

import fr.passerelle.graph.Cypher;
import fr.passerelle.texts.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Neo4j Browser guide (HTML, one {@code <slide>} per page, opened with {@code :guide <url>}),
 * in French or English (wording in {@code texts/guide.<fr|en>.html}). The worked analyses are built from the {@code cypher/analyst/} files
 * themselves (their purpose, their {@code :param} example, their statement), so the guide cannot
 * drift from the queries a test runs.
 */
public final class Guide {
    /** The analysts' queries, in the order the guide walks through them. */
    public static final List<String> ANALYSES = List.of(
            "analyst/biggest-flows-from",
            "analyst/paths-from",
            "analyst/reconversions-between-domains",
            "analyst/bridges-between-domains",
            "analyst/outcomes-at",
            "analyst/verite-des-prix",
            "analyst/regional-comparison",
            "analyst/diagnostic-territorial",
            "analyst/first-jobs-by-region",
            "analyst/flows-overview");
    /** Which publication the graph is, run from the guide's first page. */
    public static final String PUBLICATION = "analyst/publication";
    /** The API's own queries: they read only the release, so analysts run them unchanged on theirs. */
    public static final List<String> API_QUERIES = List.of(
            "queries/next-steps",
            "queries/next-after",
            "queries/next-by-region",
            "queries/next-by-period",
            "queries/next-by-since",
            "queries/previous-steps",
            "queries/step-search",
            "queries/step-by-id",
            "queries/routes-observed",
            "queries/route-people",
            "queries/bridges",
            "queries/reconversions",
            "queries/outcomes",
            "queries/outcome-cohorts",
            "queries/region-outcomes",
            "queries/mobility",
            "queries/region-steps",
            "queries/region-levels",
            "queries/region-flows",
            "queries/region-reconversions",
            "queries/region-tension-feeders",
            "queries/fit",
            "queries/fit-situations",
            "queries/fit-jobs",
            "queries/benchmark",
            "queries/market",
            "queries/published-transitions",
            "queries/popular-destinations",
            "queries/dataset-version");

    private Guide() {}

    /** A parsed Cypher file: its purpose (English), objet (French), example parameters and statement. */
    public record Query(String name, String purpose, String objet, String param, String statement) {
        public static Query parse(String name) {
            String text = Cypher.load(name);
            StringBuilder purpose = new StringBuilder();
            StringBuilder objet = new StringBuilder();
            StringBuilder current = null;
            String param = null;
            List<String> body = new ArrayList<>();
            for (String line : text.lines().toList()) {
                if (line.startsWith("// Purpose: ")) {
                    current = purpose.append(line.substring(12));
                } else if (line.startsWith("// Objet : ")) {
                    current = objet.append(line.substring(11));
                } else if (line.startsWith("// :param ")) {
                    param = param == null
                            ? line.substring(3).trim()
                            : param + "\n" + line.substring(3).trim();
                    current = null;
                } else if (line.startsWith("// ") && line.matches("// [A-Z][a-z]+:.*")) {
                    current = null;
                } else if (line.startsWith("//")) {
                    if (current != null) {
                        current.append(' ').append(line.substring(2).trim());
                    }
                } else {
                    body.add(line);
                }
            }
            return new Query(
                    name,
                    purpose.toString().trim(),
                    objet.toString().trim(),
                    param,
                    String.join("\n", body).trim());
        }
    }

    /**
     * The guide's page ({@code texts/guide.<fr|en>.html}), its analyses read from their files.
     *
     * @param english English text instead of French
     * @param k the publication's k, @param minDenominator its minimum denominator, @param version its version
     */
    public static String html(boolean english, int k, int minDenominator, long version, String publishedAt) {
        List<Map<String, Object>> analyses = new ArrayList<>();
        for (String name : ANALYSES) {
            Query q = Query.parse(name);
            String text = english ? q.purpose() : q.objet();
            analyses.add(Map.of(
                    "name",
                    name,
                    "title",
                    firstSentence(text),
                    "text",
                    text,
                    "param",
                    q.param(),
                    "statement",
                    q.statement()));
        }
        List<Map<String, Object>> apiQueries = new ArrayList<>();
        for (int i = 0; i < API_QUERIES.size(); i++) {
            apiQueries.add(Map.of("name", API_QUERIES.get(i), "last", i == API_QUERIES.size() - 1));
        }
        Query next = Query.parse("queries/next-steps");
        Matcher step = Pattern.compile("'([^']+)'").matcher(next.param());
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("version", version);
        scope.put("publishedAt", publishedAt);
        scope.put("k", k);
        scope.put("minDenominator", minDenominator);
        scope.put("publication", Query.parse(PUBLICATION).statement());
        scope.put("analyses", analyses);
        scope.put("apiQueries", apiQueries);
        scope.put(
                "example",
                Map.of(
                        "step", step.find() ? step.group(1) : "",
                        "param", next.param(),
                        "statement", next.statement()));
        return Texts.html("guide", Texts.Language.of(english), scope);
    }

    private static String firstSentence(String text) {
        int colon = text.indexOf(':');
        String head = colon > 0 ? text.substring(0, colon) : text;
        head = head.strip();
        return head.isEmpty() ? text : Character.toUpperCase(head.charAt(0)) + head.substring(1);
    }
}
