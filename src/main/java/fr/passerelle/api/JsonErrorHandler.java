package fr.passerelle.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a malformed URI: 400, a URI or headers too long: 414, 431) as the project's JSON
 * error instead of Jetty's HTML page, so a client always parses the same shape.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() <= 0 ? 500 : response.getStatus();
        String error = switch (status) {
            case 400 -> "bad request";
            case 414 -> "URI too long";
            case 431 -> "request headers too large";
            case 404 -> "no such endpoint";
            default -> status >= 500 ? "internal error" : "request refused";
        };
        String lang = null;
        try {
            lang = Request.extractQueryParameters(request).getValue("lang");
        } catch (RuntimeException e) {
            // The URI itself is what is wrong (Jetty refuses such a request line before reading the headers): the
            // message in the default language.
        }
        String body;
        try {
            body = JSON.writeValueAsString(ErrorMessages.withMessage(
                    new ApiError(status, error, "status", status).body(),
                    ErrorMessages.language(lang, request.getHeaders().get("Accept-Language"))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("Content-Security-Policy", SecurityHeaders.POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
