package fr.passerelle.api;

import fr.passerelle.texts.Texts;
import fr.passerelle.texts.Texts.Language;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence that goes with each error, in the asked language ({@link #language}): apps switch on
 * the stable {@code error} code, people read {@code message}. The sentences are {@code texts/errors.<lang>.json},
 * keyed by code, filled from the error's own fields ({@code ErrorMessagesTest} checks every code has both).
 */
final class ErrorMessages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMessages.class);

    private ErrorMessages() {}

    /** {@code body} with its {@code message} after the other fields. */
    static Map<String, Object> withMessage(Map<String, ?> body, Language language) {
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.put("message", message(String.valueOf(body.get("error")), body, language));
        return out;
    }

    static Map<String, Object> withMessage(Map<String, ?> body, Context ctx) {
        return withMessage(body, language(ctx.queryParam("lang"), ctx.header("Accept-Language")));
    }

    /**
     * The language of an error's message, as answers choose theirs ({@link AnswerCache#language}): {@code lang}, else
     * {@code Accept-Language}, else English; but a {@code lang} that is neither fr nor en counts as absent here, so
     * that an error never fails over its own language.
     */
    static Language language(String lang, String acceptLanguage) {
        String asked = lang == null ? "" : lang.strip();
        if (asked.equalsIgnoreCase("fr") || asked.equalsIgnoreCase("en")) {
            return Language.of(asked.equalsIgnoreCase("en"));
        }
        return AnswerCache.ofHeader(acceptLanguage);
    }

    static String message(String code, Map<String, ?> fields, Language language) {
        try {
            return Texts.string("errors", language, code, fields);
        } catch (IllegalStateException e) {
            // A code without its sentence is a defect the test catches; an error answer must not fail because of it.
            LOG.warn("no message for error \"{}\" in {}", code, language.code());
            return code;
        }
    }
}
