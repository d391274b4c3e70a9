package fr.passerelle.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The API's one error type: an HTTP status and a JSON body a client can act on. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final Map<String, Object> body;

    public ApiError(int status, String error, Object... details) {
        super(error);
        this.status = status;
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("error", error);
        for (int i = 0; i + 1 < details.length; i += 2) {
            b.put((String) details[i], details[i + 1]);
        }
        this.body = b;
    }

    /** 400 naming the parameter, what it got and what is allowed. */
    public static ApiError badParameter(String parameter, String value, String allowed) {
        return new ApiError(400, "invalid parameter", "parameter", parameter, "value", value, "allowed", allowed);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        return body;
    }
}
