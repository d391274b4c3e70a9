package fr.passerelle.texts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Texts by name and language: {@code texts/<name>.<fr|en>.html} are pages (every value escaped as
 * HTML; a missing file is a build defect, so it fails loudly), {@code texts/<name>.<fr|en>.json}
 * are strings and lists for JSON answers, where {@code {{value}}} is filled in and not escaped.
 */
public final class Texts {
    /** A text's language: French is the default, English on request. */
    public enum Language {
        FR,
        EN;

        public static Language of(boolean english) {
            return english ? EN : FR;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    // Attributes are always double-quoted in the templates, so these four are enough; the library's
    // default also escapes ' and =, which would spell "L&#39;organisme" into every French page's source.
    private static final MustacheFactory HTML = new DefaultMustacheFactory("texts") {
        @Override
        public void encode(String value, Writer writer) {
            write(writer, escape(value));
        }
    };
    // JSON answers are escaped by Jackson when written: here a value goes in as it is.
    private static final MustacheFactory PLAIN = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            write(writer, value);
        }
    };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, Object>> STRINGS = new ConcurrentHashMap<>();

    private Texts() {}

    /** The page {@code texts/<name>.<lang>.html} filled from {@code scope} (maps, lists, strings, numbers). */
    public static String html(String name, Language language, Object scope) {
        Mustache page = HTML.compile(name + "." + language.code() + ".html");
        StringWriter out = new StringWriter();
        page.execute(out, scope);
        return out.toString();
    }

    /**
     * The strings of {@code texts/<name>.<lang>.json} (each a string, a list or an object of them), with
     * {@code {{key}}} replaced by {@code values}' entries, in the file's order.
     */
    public static Map<String, Object> strings(String name, Language language, Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        String file = name + "." + language.code() + ".json";
        for (Map.Entry<String, Object> e : file(file).entrySet()) {
            out.put(e.getKey(), fill(file + "#" + e.getKey(), e.getValue(), values));
        }
        return out;
    }

    /** One string of {@code texts/<name>.<lang>.json}; an unknown key is a defect, not an empty text. */
    public static String string(String name, Language language, String key) {
        Object value = file(name + "." + language.code() + ".json").get(key);
        if (!(value instanceof String s)) {
            throw new IllegalStateException("texts/" + name + "." + language.code() + ".json has no text " + key);
        }
        return s;
    }

    /** One string of {@code texts/<name>.<lang>.json} with {@code {{key}}} replaced by {@code values}' entries. */
    public static String string(String name, Language language, String key, Map<String, ?> values) {
        return (String) fill(name + "." + language.code() + ".json#" + key, string(name, language, key), values);
    }

    /** An object of {@link #strings} as the strings it holds. */
    public static Map<String, String> asStrings(Object object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    /** Text as HTML content or a double-quoted attribute value. */
    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object fill(String where, Object value, Map<String, ?> values) {
        if (value instanceof List<?> list) {
            return list.stream().map(v -> fill(where, v, values)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), fill(where + "." + k, v, values)));
            return out;
        }
        String text = String.valueOf(value);
        if (!text.contains("{{")) {
            return text;
        }
        StringWriter out = new StringWriter();
        PLAIN.compile(new StringReader(text), where).execute(out, values);
        return out.toString();
    }

    private static Map<String, Object> file(String file) {
        return STRINGS.computeIfAbsent(file, f -> {
            try (InputStream in = Texts.class.getResourceAsStream("/texts/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("no text file texts/" + f + " on the class path");
                }
                return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
            } catch (IOException e) {
                throw new UncheckedIOException("texts/" + f + ": " + e.getMessage(), e);
            }
        });
    }
}
