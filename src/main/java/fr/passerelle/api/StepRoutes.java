package fr.passerelle.api;

import fr.passerelle.catalog.Regions;
import fr.passerelle.recommend.NextQuery;
import fr.passerelle.recommend.Services;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/steps}: search, one step, where next, where from, reconversions, outcomes, similar steps. */
final class StepRoutes {
    static final Set<String> KINDS = Set.of("education", "job", "other");
    static final int MIN_YEAR = 1950;
    static final int MAX_YEAR = 2100;
    private final Services services;
    private final Regions regions = Regions.bundled();

    StepRoutes(Services services) {
        this.services = services;
    }

    void register(ApiServer.Routes routes) {
        routes.get("/api/steps", this::search);
        routes.get("/api/steps/{id}", ctx -> ctx.json(services.steps().step(ctx.pathParam("id"))));
        routes.get("/api/steps/{id}/next", this::next);
        routes.get("/api/steps/{id}/previous", ctx -> ctx.json(services.steps().previous(ctx.pathParam("id"), Params.oneOf(ctx, "kind", KINDS))));
        routes.get("/api/steps/{id}/reconversions", ctx -> ctx.json(services.fields().reconversions(ctx.pathParam("id"),
                Params.intParam(ctx, "maxSteps", 1, 6, 3), Params.intParam(ctx, "limit", 1, 50, 10))));
        routes.get("/api/steps/{id}/outcomes", ctx -> ctx.json(services.outcomes().outcomes(ctx.pathParam("id"),
                Params.ints(ctx, "months", 1, 120, 6, List.of(6, 12, 24)))));
        routes.get("/api/steps/{id}/similar", ctx -> ctx.json(services.similarity().similar(ctx.pathParam("id"),
                Params.intParam(ctx, "limit", 1, 50, 10))));
    }

    private void search(Context ctx) {
        String q = Params.text(ctx, "q", 100, false);
        String kind = Params.oneOf(ctx, "kind", KINDS);
        int limit = Params.intParam(ctx, "limit", 1, 50, 10);
        ctx.json(Map.of("query", q == null ? "" : q, "steps", services.steps().search(q == null ? "" : q, kind, limit)));
    }

    private void next(Context ctx) {
        List<String> after = Params.codes(ctx, "after", 5);
        String region = ctx.queryParam("region");
        if (region != null && !region.isBlank() && (region.length() != 2 || regions.name(region) == null)) {
            throw ApiError.badParameter("region", region, "an INSEE region code: 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94, 01, 02, 03, 04, 06");
        }
        Integer from = Params.optionalInt(ctx, "from", MIN_YEAR, MAX_YEAR);
        Integer to = Params.optionalInt(ctx, "to", MIN_YEAR, MAX_YEAR);
        if (from != null && to != null && from > to) {
            throw ApiError.badParameter("from", from.toString(), "a year not after 'to' (" + to + ")");
        }
        String kind = Params.oneOf(ctx, "kind", KINDS);
        ctx.json(services.steps().next(new NextQuery(ctx.pathParam("id"), after, region == null || region.isBlank() ? null : region,
                from, to, kind)));
    }
}
