package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error carries, beside its stable code ({@code error}), a {@code message} in the language asked, as answers
 * choose theirs: {@code lang}, else {@code Accept-Language}, else English. Every code the server's source can answer
 * has its sentence in both languages, with the same fields filled in.
 */
class ErrorMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD = Pattern.compile("\\{\\{(\\w+)}}");

    /** The ways the source writes an error code: thrown, or put in a body by hand. */
    private static final List<Pattern> CODES = List.of(
            Pattern.compile("new ApiError\\(\\s*\\d+,\\s*\"([^\"]+)\""),
            Pattern.compile("new QuestionException\\(\\s*\"([^\"]+)\""),
            Pattern.compile("\"error\",\\s*\"([^\"]+)\""),
            Pattern.compile("case \\d+ -> \"([^\"]+)\""),
            Pattern.compile("default -> status >= 500 \\? \"([^\"]+)\" : \"([^\"]+)\""));

    @Test
    void everyCodeTheServerCanAnswerHasItsSentenceInBothLanguages() throws Exception {
        Map<String, String> fr = sentences("fr");
        Map<String, String> en = sentences("en");
        assertEquals(fr.keySet(), en.keySet(), "the same codes in both languages");
        for (String code : fr.keySet()) {
            assertEquals(fields(fr.get(code)), fields(en.get(code)), "the same fields in both sentences of " + code);
        }
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : CODES) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        for (int g = 1; g <= m.groupCount(); g++) {
                            codes.add(m.group(g));
                        }
                    }
                }
            }
        }
        // The scan must find what it looks for: the codes of each kind of site.
        assertTrue(
                codes.containsAll(List.of(
                        "unknown step",
                        "unknown parameter",
                        "one dimension at a time",
                        "internal error",
                        "request refused",
                        "import rejected: nothing was written")),
                codes.toString());
        Set<String> missing = new TreeSet<>(codes);
        missing.removeAll(fr.keySet());
        assertEquals(Set.of(), missing, "codes without a sentence in texts/errors.*.json");
    }

    @Test
    void errorsSpeakTheLanguageAsked() throws Exception {
        Javalin app = ApiClient.serveDemo();
        try {
            String base = "http://127.0.0.1:" + app.port();
            JsonNode fr = error(base + "/api/steps/infirmiere/next?lang=fr", null, 404);
            assertEquals("unknown step", fr.get("error").asText());
            assertTrue(fr.get("message").asText().startsWith("Étape inconnue : « infirmiere »"), fr.toString());
            assertTrue(fr.get("closeMatches").size() > 0, fr.toString());
            JsonNode en = error(base + "/api/steps/infirmiere/next?lang=en", "fr-FR", 404);
            assertTrue(en.get("message").asText().startsWith("Unknown step: \"infirmiere\""), en.toString());
            JsonNode byHeader = error(base + "/api/steps/infirmiere/next", "fr-FR,fr;q=0.9,en;q=0.5", 404);
            assertEquals(fr.get("message"), byHeader.get("message"));
            // Nothing asked: English, as answers.
            JsonNode unknown = error(base + "/api/steps/BTS-MCO/next?regoin=84", null, 400);
            assertEquals(
                    "Unknown parameter: \"regoin\". The accepted ones are in allowed.",
                    unknown.get("message").asText());
            // A language that is neither is itself the error, told in the header's language.
            JsonNode badLang = error(base + "/api/steps/BTS-MCO/next?lang=de", "fr", 400);
            assertEquals("invalid parameter", badLang.get("error").asText());
            assertTrue(badLang.get("message").asText().contains("« lang »"), badLang.toString());
            JsonNode noEndpoint = error(base + "/api/nope?lang=fr", null, 404);
            assertEquals(
                    "Aucun point d'accès à cette adresse ; la liste est sur /api/docs.",
                    noEndpoint.get("message").asText());
            // Jetty's own refusals (a malformed URI never reaches the routes) say it too; Jetty refuses such a request
            // line before it reads the headers, so the language is the default one there.
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
                socket.getOutputStream()
                        .write(
                                "GET /api/steps/%zz HTTP/1.1\r\nHost: x\r\nAccept-Language: fr\r\nConnection: close\r\n\r\n"
                                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer =
                        new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                JsonNode jetty = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertEquals("bad request", jetty.get("error").asText(), answer);
                assertEquals("Malformed request.", jetty.get("message").asText(), answer);
            }
        } finally {
            app.stop();
        }
    }

    private static JsonNode error(String url, String acceptLanguage, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        HttpResponse<String> response = ApiClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), url + " -> " + response.body());
        JsonNode body = JSON.readTree(response.body());
        assertFalse(body.get("message").asText().contains("{{"), body.toString());
        return body;
    }

    private static Map<String, String> sentences(String lang) throws Exception {
        try (var in = ErrorMessagesTest.class.getResourceAsStream("/texts/errors." + lang + ".json")) {
            return JSON.readValue(in, new TypeReference<Map<String, String>>() {});
        }
    }

    private static Set<String> fields(String sentence) {
        Set<String> out = new TreeSet<>();
        Matcher m = FIELD.matcher(sentence);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
