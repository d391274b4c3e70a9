package fr.passerelle.api;

import fr.passerelle.recommend.Services;
import io.javalin.http.Context;
import java.util.List;

/** {@code /api/routes} and {@code /api/bridges}: how people got from one place to another. */
final class PathwayRoutes {
    private final Services services;
    private final MarketAnnotation market;

    PathwayRoutes(Services services, MarketAnnotation market) {
        this.services = services;
        this.market = market;
    }

    void register(RouteTable routes) {
        routes.getReleased("/api/routes", this::routes);
        routes.getReleased("/api/bridges", this::bridges);
        routes.getReleased("/api/reach", this::reach);
    }

    /** How likely, and how long, from a step to a job or a domain. */
    private void reach(Context ctx) {
        String from = Params.text(ctx, "from", 64, true);
        String to = Params.text(ctx, "to", 64, true);
        ctx.json(services.reach().reach(from, to.length() == 1 ? to.toUpperCase(java.util.Locale.ROOT) : to));
    }

    private void routes(Context ctx) {
        String from = Params.text(ctx, "from", 64, true);
        String to = Params.text(ctx, "to", 64, true);
        ctx.json(services.routes()
                .routes(
                        from,
                        to,
                        Params.intParam(ctx, "maxSteps", 1, fr.passerelle.publish.ReleaseCatalogue.MAX_ROUTE_STEPS, 4),
                        Params.intParam(ctx, "limit", 1, 50, 5)));
    }

    private void bridges(Context ctx) {
        String from = Params.text(ctx, "from", 64, true);
        String toDomain = Params.text(ctx, "toDomain", 1, false);
        String to = Params.text(ctx, "to", 64, false);
        if ((toDomain == null) == (to == null)) {
            throw ApiError.badParameter(
                    "toDomain", toDomain, "exactly one of toDomain (a ROME domain letter A..N) or to (a step code)");
        }
        if (toDomain != null && !services.fields().domains().contains(toDomain)) {
            throw ApiError.badParameter(
                    "toDomain",
                    toDomain,
                    "a ROME domain letter: "
                            + String.join(", ", services.fields().domains().codes()));
        }
        ctx.json(market.apply(
                ctx,
                services.fields().bridges(from, toDomain, to, Params.intParam(ctx, "limit", 1, 50, 10)),
                List::of,
                null));
    }
}
