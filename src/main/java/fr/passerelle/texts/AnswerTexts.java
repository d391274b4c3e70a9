package fr.passerelle.texts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of JSON answers in both languages ({@code texts/answers.json}: pairs of templates, {@code {{name}}}
 * standing for a value such as a step code or a number). The services write each sentence once, in whichever
 * language it was written in; the API puts every sentence of an answer into the language asked for, on the way
 * out. A text that is not a sentence of the catalogue (a step's label, a code, a region's name) is left as it is,
 * and so are the reasons' codes ("fewer than k", "denominator under 20", "filtered out"), which apps match on.
 *
 * <p>Why at the edge rather than in each service: one list a translator reads and a test checks (every sentence
 * an answer carries must be in it), instead of a language argument threaded through every service and query.
 */
public final class AnswerTexts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final AnswerTexts STANDARD = load();

    /** A sentence in one language, and how to recognise it. */
    private record Template(String text, Pattern pattern, String prefix) {
        static Template of(String text) {
            int at = text.indexOf("{{");
            return new Template(text, AnswerTexts.pattern(text), at < 0 ? text : text.substring(0, at));
        }

        /** The values of {@code sentence} by name, when it is this template filled in; else null. */
        Matcher match(String sentence) {
            // The words before the first value rule out most texts without a regex.
            if (!sentence.startsWith(prefix)) {
                return null;
            }
            Matcher m = pattern.matcher(sentence);
            return m.matches() ? m : null;
        }
    }

    /** One sentence in both languages. */
    private record Pair(Template fr, Template en, List<String> names) {
        Template in(Texts.Language language) {
            return language == Texts.Language.EN ? en : fr;
        }
    }

    private final List<Pair> pairs;
    /** Sentences without a value, by their text in either language: most sentences, found without a regex. */
    private final Map<String, Pair> exact = new HashMap<>();

    private AnswerTexts(List<Pair> pairs) {
        this.pairs = pairs;
        for (Pair p : pairs) {
            if (p.names().isEmpty()) {
                exact.put(p.fr().text(), p);
                exact.put(p.en().text(), p);
            }
        }
    }

    public static AnswerTexts standard() {
        return STANDARD;
    }

    private static AnswerTexts load() {
        try (InputStream in = AnswerTexts.class.getResourceAsStream("/texts/answers.json")) {
            if (in == null) {
                throw new IllegalStateException("no texts/answers.json on the class path");
            }
            List<Map<String, String>> rows =
                    new ObjectMapper().readValue(in, new TypeReference<List<Map<String, String>>>() {});
            List<Pair> pairs = new ArrayList<>();
            for (Map<String, String> row : rows) {
                String fr = row.get("fr");
                String en = row.get("en");
                if (fr == null || en == null) {
                    throw new IllegalStateException("texts/answers.json: each entry needs fr and en: " + row);
                }
                List<String> names = names(en);
                if (!new java.util.TreeSet<>(names).equals(new java.util.TreeSet<>(names(fr)))) {
                    throw new IllegalStateException(
                            "texts/answers.json: fr and en name different values: " + fr + " / " + en);
                }
                pairs.add(new Pair(Template.of(fr), Template.of(en), names));
            }
            // Longer templates first: "the people who left {{step}} in region {{region}}" before "the people who left
            // {{step}}", which would match it too.
            pairs.sort((a, b) ->
                    Integer.compare(b.en().text().length(), a.en().text().length()));
            return new AnswerTexts(pairs);
        } catch (IOException e) {
            throw new UncheckedIOException("texts/answers.json does not parse", e);
        }
    }

    private static List<String> names(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start())));
            regex.append("(?<").append(m.group(1)).append(">.+?)");
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at))).append('$');
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** {@code text} in {@code language} when it is a sentence of the catalogue (in either language), else null. */
    public String translate(String text, Texts.Language language) {
        Pair exactly = exact.get(text);
        if (exactly != null) {
            return exactly.in(language).text();
        }
        if (text.indexOf(' ') < 0) {
            return null;
        }
        for (Pair p : pairs) {
            if (p.names().isEmpty()) {
                continue;
            }
            for (Template written : List.of(p.en(), p.fr())) {
                Matcher m = written.match(text);
                if (m != null) {
                    String out = p.in(language).text();
                    for (String name : p.names()) {
                        String value = m.group(name);
                        String inner = translate(value, language);
                        out = out.replace("{{" + name + "}}", inner == null ? value : inner);
                    }
                    return out;
                }
            }
        }
        return null;
    }

    /**
     * Every sentence of {@code answer} (a JSON tree, changed in place) put into {@code language}; a text node is
     * returned translated.
     */
    public JsonNode translateAll(JsonNode answer, Texts.Language language) {
        if (answer.isTextual()) {
            String t = translate(answer.asText(), language);
            return t == null ? answer : TextNode.valueOf(t);
        }
        if (answer instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(translateAll(e.getValue(), language));
            }
        } else if (answer instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, translateAll(array.get(i), language));
            }
        }
        return answer;
    }

    /** Whether {@code text} is a sentence of the catalogue in {@code language} exactly as written there. */
    public boolean isIn(String text, Texts.Language language) {
        Pair exactly = exact.get(text);
        if (exactly != null) {
            return exactly.in(language).text().equals(text);
        }
        for (Pair p : pairs) {
            if (!p.names().isEmpty()) {
                Matcher m = p.in(language).match(text);
                if (m != null) {
                    for (String name : p.names()) {
                        String value = m.group(name);
                        if (translate(value, language) != null && !isIn(value, language)) {
                            return false;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
