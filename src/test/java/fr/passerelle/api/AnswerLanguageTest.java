package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.texts.AnswerTexts;
import fr.passerelle.texts.Texts.Language;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Answers speak the language asked: every sentence an answer carries (reasons, notes, the noise, scopes) is one of
 * {@code texts/answers.json} and comes out in French with {@code lang=fr} or a French {@code Accept-Language}, in
 * English with {@code lang=en}, an English {@code Accept-Language} or none; the reasons' codes are the same in both; a sentence missing from the catalogue fails here, named.
 */
class AnswerLanguageTest {
    /** Fields holding data (names, labels, codes), not sentences: never translated, never checked. */
    private static final Set<String> DATA = Set.of(
            "id",
            "producer",
            "targetSource",
            "toDomainLabel",
            "code",
            "label",
            "name",
            "stepId",
            "stepLabel",
            "title",
            "query",
            "generatedAt",
            "domain",
            "domainLabel",
            "region",
            "regionName",
            "uai",
            "establishment",
            "crosswalk",
            "source",
            "url",
            "kind",
            "pathUsed",
            "from",
            "to",
            "via",
            "level",
            "family",
            "period",
            "since",
            "after",
            "commune");

    private static final java.util.regex.Pattern CODE =
            java.util.regex.Pattern.compile("fewer than k|filtered out|denominator under \\d+");

    @Test
    void everySentenceComesInTheLanguageAsked() throws Exception {
        Javalin app = ApiClient.serveDemo();
        try {
            ApiClient api = new ApiClient(app);
            List<String> paths = paths(api);
            Set<String> unknown = new TreeSet<>();
            Set<String> seen = new TreeSet<>();
            int answered = 0;
            for (String path : paths) {
                String sep = path.contains("?") ? "&" : "?";
                HttpResponse<String> plain = api.get(path);
                if (plain.statusCode() != 200) {
                    continue; // a question this step does not take (fit of a job...): errors are codes, not sentences
                }
                answered++;
                JsonNode fr = api.json(path + sep + "lang=fr", 200);
                JsonNode en = api.json(path + sep + "lang=en", 200);
                assertEquals(en, ApiClient.JSON.readTree(plain.body()), path + ": English unless asked otherwise");
                for (Map.Entry<String, String> e : sentences(fr, "").entrySet()) {
                    check(e.getKey(), e.getValue(), Language.FR, path, unknown, seen);
                }
                for (Map.Entry<String, String> e : sentences(en, "").entrySet()) {
                    check(e.getKey(), e.getValue(), Language.EN, path, unknown, seen);
                }
            }
            assertTrue(unknown.isEmpty(), "sentences missing from texts/answers.json:\n" + String.join("\n", unknown));
            assertTrue(answered > 60, "answered " + answered + " of " + paths.size());
            assertTrue(seen.size() >= 15, "sentences seen: " + seen);

            // Accept-Language when lang is absent; lang wins over it; a third language is a 400 naming both.
            String path = "/api/steps/BTS-SIO-SLAM/next";
            HttpResponse<String> english = send(app, path, "en-GB,en;q=0.9");
            HttpResponse<String> french = send(app, path, "fr-FR,fr;q=0.9,en;q=0.5");
            assertEquals(api.json(path + "?lang=en", 200), ApiClient.JSON.readTree(english.body()));
            assertEquals(api.json(path + "?lang=fr", 200), ApiClient.JSON.readTree(french.body()));
            assertEquals(
                    api.json(path + "?lang=fr", 200),
                    ApiClient.JSON.readTree(send(app, path + "?lang=fr", "en").body()));
            assertNotEquals(
                    english.headers().firstValue("ETag").orElseThrow(),
                    french.headers().firstValue("ETag").orElseThrow(),
                    "each language its own validator");
            JsonNode bad = api.json(path + "?lang=de", 400);
            assertTrue(bad.toString().contains("fr") && bad.toString().contains("en"), bad.toString());
        } finally {
            app.stop();
        }
    }

    private static HttpResponse<String> send(Javalin app, String path, String acceptLanguage) throws Exception {
        return ApiClient.HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .header("Accept-Language", acceptLanguage)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void check(
            String field, String text, Language language, String path, Set<String> unknown, Set<String> seen) {
        AnswerTexts texts = AnswerTexts.standard();
        if (CODE.matcher(text).matches()) {
            return; // the reasons' codes: the same in both languages
        }
        if (texts.isIn(text, language)) {
            seen.add(text);
            return;
        }
        Language other = language == Language.EN ? Language.FR : Language.EN;
        if (texts.isIn(text, other)) {
            unknown.add("[in " + other.code() + " in a " + language.code() + " answer] " + path + " " + field + ": "
                    + text);
        } else {
            unknown.add(path + " " + field + ": " + text);
        }
    }

    /** The answer's texts that read as sentences (three words or more), by where they are. */
    private static Map<String, String> sentences(JsonNode node, String at) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!DATA.contains(e.getKey()) || e.getValue().isContainerNode()) {
                    out.putAll(sentences(e.getValue(), at + "." + e.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.putAll(sentences(node.get(i), at + "[" + i + "]"));
            }
        } else if (node.isTextual() && node.asText().trim().split("\\s+").length >= 3) {
            out.put(at, node.asText());
        }
        return out;
    }

    /** Every released route, with the questions that bring back-offs and withheld figures. */
    private static List<String> paths(ApiClient api) throws Exception {
        List<JsonNode> steps = new ArrayList<>();
        api.json("/api/steps?kind=education&limit=50", 200).get("steps").forEach(steps::add);
        api.json("/api/steps?kind=job&limit=50", 200).get("steps").forEach(steps::add);
        String rare = null;
        String rareJob = null;
        for (JsonNode s : steps) {
            if (s.get("people").isNull() || s.get("people").asInt() < 40) {
                if ("job".equals(s.get("kind").asText())) {
                    rareJob = rareJob == null ? s.get("id").asText() : rareJob;
                } else {
                    rare = rare == null ? s.get("id").asText() : rare;
                }
            }
        }
        List<String> paths = new ArrayList<>(List.of(
                "/api/steps?q=bac%20pro%20commerce",
                "/api/steps?q=zzzzqqq",
                "/api/regions/52",
                "/api/regions/52/flows",
                "/api/routes?from=BAC-PRO-ASSP&to=J1501",
                "/api/reach?from=BAC-PRO-ASSP&to=J1501",
                "/api/bridges?from=D1214&toDomain=J",
                "/api/bridges?from=BAC-PRO-ASSP"));
        Set<String> asked = new TreeSet<>(List.of("BTS-SIO-SLAM", "BAC-PRO-ASSP", "D1214", "D1505", "M1805"));
        if (rare != null) {
            asked.add(rare);
        }
        if (rareJob != null) {
            asked.add(rareJob);
        }
        for (String step : asked) {
            String s = "/api/steps/" + step;
            paths.addAll(List.of(
                    s,
                    s + "/next",
                    s + "/next?region=52",
                    s + "/next?since=200",
                    s + "/next?after=BAC-STMG",
                    s + "/previous",
                    s + "/reconversions",
                    s + "/outcomes",
                    s + "/outcomes?region=52",
                    s + "/similar",
                    s + "/fit",
                    s + "/fit/jobs",
                    s + "/fork",
                    s + "/fork?since=24",
                    s + "/benchmark",
                    s + "/mobility",
                    s + "/market"));
        }
        return paths;
    }
}
