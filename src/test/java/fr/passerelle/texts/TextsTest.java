package fr.passerelle.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The texts come in both languages with the same values in them, and values cannot inject markup. */
class TextsTest {
    private static final Path TEXTS = Path.of("src/main/resources/texts");
    private static final Pattern TAG = Pattern.compile("\\{\\{([^}]+)}}");

    @Test
    void everyTextHasBothLanguagesWithTheSameValuesAndKeys() throws IOException {
        TreeSet<String> french = new TreeSet<>();
        TreeSet<String> english = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEXTS)) {
            files.map(f -> f.getFileName().toString()).forEach(f -> {
                if (f.contains(".fr.")) {
                    french.add(f.replace(".fr.", "."));
                } else if (f.contains(".en.")) {
                    english.add(f.replace(".en.", "."));
                }
            });
        }
        assertFalse(french.isEmpty());
        assertEquals(french, english, "every text in French has its English and the other way round");
        for (String text : french) {
            String fr = Files.readString(TEXTS.resolve(text.replaceFirst("\\.(\\w+)$", ".fr.$1")));
            String en = Files.readString(TEXTS.resolve(text.replaceFirst("\\.(\\w+)$", ".en.$1")));
            assertEquals(tags(fr), tags(en), text + ": the same values and sections in both languages");
            if (text.endsWith(".json")) {
                ObjectMapper json = new ObjectMapper();
                assertEquals(keys(json.readTree(fr), ""), keys(json.readTree(en), ""), text + ": the same keys");
            }
        }
    }

    private static TreeSet<String> tags(String text) {
        TreeSet<String> tags = new TreeSet<>();
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            // A partial names its language: compare the partial, not the language.
            tags.add(m.group(1).replace(".fr.", ".").replace(".en.", "."));
        }
        return tags;
    }

    private static TreeSet<String> keys(JsonNode node, String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        node.fields().forEachRemaining(e -> {
            keys.add(prefix + e.getKey());
            if (e.getValue().isObject()) {
                keys.addAll(keys(e.getValue(), prefix + e.getKey() + "."));
            }
            if (e.getValue().isArray()) {
                keys.add(prefix + e.getKey() + "[" + e.getValue().size() + "]");
            }
        });
        return keys;
    }

    @Test
    void valuesInPagesAreEscapedAndInStringsAreNot() {
        String page = Texts.html(
                "notice-snippet",
                Texts.Language.EN,
                Map.of("base", "https://x.example/\"><script>alert(1)</script>", "k", 11));
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("&quot;&gt;&lt;script&gt;"), page);
        assertTrue(page.contains("at least 11 people"), page);

        Map<String, Object> register = Texts.strings(
                "register", Texts.Language.FR, Map.of("maxNoise", 3, "noiseVariance", 1.5, "minDenominator", "<20>"));
        String rule = (String) register.get("disclosureRule");
        assertTrue(rule.contains("±3, variance 1.5") && rule.contains("au moins <20>"), rule);
        assertTrue(
                register.get("purposes") instanceof List<?> l && l.size() == 2,
                String.valueOf(register.get("purposes")));
    }

    @Test
    void aMissingTextIsAnErrorNamingIt() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> Texts.strings("nothing-here", Texts.Language.EN, Map.of()));
        assertTrue(e.getMessage().contains("texts/nothing-here.en.json"), e.getMessage());
    }
}
