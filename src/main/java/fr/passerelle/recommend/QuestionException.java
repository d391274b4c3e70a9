package fr.passerelle.recommend;

import java.util.LinkedHashMap;
import java.util.Map;

/** A question the release cannot answer as asked (a reconversion from a step that is not a job...): a 400 with what to change. */
public final class QuestionException extends RuntimeException {
    private final Map<String, Object> details;

    public QuestionException(String error, Map<String, Object> details) {
        super(error);
        this.details = new LinkedHashMap<>(details);
    }

    /** The answer's body: {@code error} and the details. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.putAll(details);
        return body;
    }
}
