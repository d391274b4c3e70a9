package fr.passerelle.api;

import io.javalin.http.Context;

/**
 * The headers every answer carries. The page, the API docs and the guide load only Passerelle's own
 * files (d3 and Swagger UI come from WebJars), so the policy allows nothing else: no third party can be
 * reached from a page Passerelle serves, and no other site can frame it.
 */
final class SecurityHeaders {
    static final String POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            // d3 and Swagger UI set styles from script; the PNG export draws the figure through a blob: image.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    }
}
