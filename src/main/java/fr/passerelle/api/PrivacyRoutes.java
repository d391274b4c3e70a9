package fr.passerelle.api;

import fr.passerelle.collect.Opposition;
import fr.passerelle.privacy.Notice;
import fr.passerelle.publish.Publication;
import fr.passerelle.recommend.Services;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * People's side: the information notice ({@code /vie-privee}) and the partners' short version, the
 * opposition form and {@code POST /api/opposition}, and the processing register ({@code /api/privacy}).
 */
final class PrivacyRoutes {
    private final Services services;
    private final Supplier<Publication> publication;
    private final Opposition opposition;

    private final Supplier<Map<String, Object>> schedule;

    PrivacyRoutes(
            Services services,
            Supplier<Publication> publication,
            Supplier<Map<String, Object>> schedule,
            Opposition opposition) {
        this.schedule = schedule;
        this.services = services;
        this.publication = publication;
        this.opposition = opposition;
    }

    void register(RouteTable routes) {
        routes.post("/api/opposition", this::oppose);
        routes.get("/api/privacy", this::register);
        // The information notice (GDPR Art. 14), from the register's live values; partners link to it.
        routes.get(
                "/vie-privee",
                ctx -> ctx.html(
                        Notice.html(services.register().describe(english(ctx), null, schedule()), english(ctx))));
        // The partners' short notice: a page to frame (the one page other sites may frame), and a snippet to paste.
        routes.get("/vie-privee/encart", ctx -> {
            ctx.header(
                    "Content-Security-Policy",
                    SecurityHeaders.POLICY.replace("frame-ancestors 'none'", "frame-ancestors *"));
            ctx.removeHeader("X-Frame-Options");
            ctx.html(Notice.embedPage(origin(ctx), english(ctx), k()));
        });
        routes.get(
                "/vie-privee/encart.html",
                ctx -> ctx.contentType("text/plain; charset=utf-8")
                        .result(Notice.snippet(origin(ctx), english(ctx), k())));
        // The opposition page: a form for anyone, in French and English.
        routes.get("/vie-privee/opposition", ctx -> ctx.html(ApiServer.resource("/web/opposition.html")));
    }

    private int k() {
        return services.register().thresholds().k();
    }

    private static boolean english(Context ctx) {
        return Params.language(ctx) == fr.passerelle.texts.Texts.Language.EN;
    }

    private void oppose(Context ctx) {
        if (opposition == null) {
            throw new ApiError(
                    503, "opposition is not available on this server", "contact", "the controller (see /vie-privee)");
        }
        String url = ctx.contentType() != null && ctx.contentType().startsWith("application/json")
                ? Params.jsonField(ctx.body(), "url")
                : ctx.formParam("url");
        ctx.json(opposition
                .oppose(url)
                .orElseThrow(() -> ApiError.badParameter(
                        "url",
                        url == null ? "" : url.length() > 100 ? url.substring(0, 100) + "…" : url,
                        Opposition.EXPECTED)));
    }

    private void register(Context ctx) {
        Publication p = publication.get();
        Map<String, Object> published = null;
        if (p != null) {
            published = new LinkedHashMap<>();
            published.put("version", p.version());
            published.put("publishedAt", p.publishedAt());
            published.put("counts", p.counts());
        }
        ctx.json(services.register().describe(english(ctx), published, schedule()));
    }

    private Map<String, Object> schedule() {
        return schedule == null ? null : schedule.get();
    }

    /** This server as the request reached it (scheme, host, port): the absolute base of links given to partners. */
    private static String origin(Context ctx) {
        // The Host header is the client's word: only a plain host[:port] is used, never markup or another URL.
        String host = ctx.host() != null
                        && ctx.host().matches("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9a-fA-F:]{2,39}\\](:\\d{1,5})?")
                ? ctx.host()
                : "localhost";
        return ctx.scheme() + "://" + host;
    }
}
