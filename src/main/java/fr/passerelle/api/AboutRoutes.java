package fr.passerelle.api;

import fr.passerelle.analyst.Guide;
import fr.passerelle.catalog.Domains;
import fr.passerelle.publish.Publication;
import fr.passerelle.recommend.Services;
import io.javalin.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What the server says about itself: health, the ROME domains, the OpenAPI document and its page, the analysts' Browser guide. */
final class AboutRoutes {
    private static final Domains DOMAINS = Domains.bundled();
    private final Services services;
    private final Supplier<Publication> publication;
    private final String openApi = ApiServer.resource(ApiServer.OPENAPI);

    private final Supplier<Map<String, Object>> schedule;

    AboutRoutes(Services services, Supplier<Publication> publication, Supplier<Map<String, Object>> schedule) {
        this.schedule = schedule;
        this.services = services;
        this.publication = publication;
    }

    void register(RouteTable routes) {
        routes.get("/api/health", ctx -> {
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("status", "ok");
            health.put("datasetVersion", services.steps().datasetVersion());
            health.put("k", services.steps().thresholds().k());
            health.put("minDenominator", services.steps().thresholds().minDenominator());
            // Invented demo people only: no figure is to be read as what became of real people.
            health.put("synthetic", services.steps().synthetic());
            // Releases go out in batches: when the last did, and by when any change made now is published.
            health.put("publication", schedule == null ? null : schedule.get());
            ctx.json(health);
        });
        routes.get(
                "/api/domains",
                ctx -> ctx.json(Map.of(
                        "domains",
                        DOMAINS.codes().stream()
                                .sorted()
                                .map(code -> ordered("domain", code, "label", DOMAINS.label(code)))
                                .toList())));
        // The values next?region= and next?period= / since= take, with their names: what an app shows in a menu.
        routes.get("/api/regions", ctx -> {
            fr.passerelle.catalog.Regions regions = fr.passerelle.catalog.Regions.bundled();
            ctx.json(Map.of(
                    "regions",
                    regions.codes().stream()
                            .map(code -> ordered("code", code, "name", regions.name(code)))
                            .toList()));
        });
        routes.get("/api/periods", ctx -> {
            List<Map<String, Object>> periods = new java.util.ArrayList<>();
            for (String code : fr.passerelle.publish.ReleaseCatalogue.periods()) {
                int[] years = fr.passerelle.publish.ReleaseCatalogue.years(code);
                periods.add(ordered("code", code, "fromYear", years[0], "toYear", years[1]));
            }
            List<Map<String, Object>> since = new java.util.ArrayList<>();
            for (String code : fr.passerelle.publish.ReleaseCatalogue.sinceBins()) {
                int[] months = fr.passerelle.publish.ReleaseCatalogue.sinceMonths(code);
                Map<String, Object> bin = new java.util.LinkedHashMap<>();
                bin.put("code", code);
                bin.put("fromMonths", months[0]);
                bin.put("toMonths", months[1] < 0 ? null : months[1]);
                since.add(bin);
            }
            ctx.json(ordered("periods", periods, "since", since));
        });
        routes.get(
                "/api/openapi.json",
                ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(openApi));
        routes.get("/api/docs", ctx -> ctx.html(ApiServer.resource("/api-docs.html")));
        // Session plans for Réseau Canopé trainers (French), linking into the trainers' page.
        routes.get("/formation", ctx -> ctx.html(ApiServer.resource("/web/formation.html")));
        // The privacy lab: an invented population made in the browser, never the release.
        routes.get("/formation/labo", ctx -> ctx.html(ApiServer.resource("/web/labo.html")));
        // The Neo4j Browser guide: fetched by Browser from another origin (the analysts' instance).
        routes.options("/guide/*", ctx -> ctx.status(204));
        routes.get("/guide/{lang}", ctx -> {
            String lang = ctx.pathParam("lang");
            if (!lang.equals("fr.html") && !lang.equals("en.html")) {
                throw new ApiError(404, "no such guide", "guide", lang, "available", List.of("fr.html", "en.html"));
            }
            Publication p = publication.get();
            long version = p != null ? p.version() : services.steps().datasetVersion();
            String at = p != null ? p.publishedAt() : "live";
            int k = p != null ? p.k() : services.steps().thresholds().k();
            int min = p != null
                    ? p.minDenominator()
                    : services.steps().thresholds().minDenominator();
            ctx.html(Guide.html(lang.startsWith("en"), k, min, version, at));
        });
    }

    /** Keys in the order given: an answer's bytes must not depend on a JVM's hash seed (replicas give the same). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
