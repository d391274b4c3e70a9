package fr.passerelle.api;

import fr.passerelle.catalog.Regions;
import fr.passerelle.recommend.Services;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** A region's diagnosis for observatories: {@code /api/regions/{code}}, its first-job flows, and the page that reads them. */
final class RegionRoutes {
    /** The education levels of the catalogue (3 CAP ... 8 doctorate); 0 asks for every level at once. */
    static final List<Integer> LEVELS = List.of(0, 3, 4, 5, 6, 7, 8);

    private final Services services;
    private final Regions regions = Regions.bundled();

    RegionRoutes(Services services) {
        this.services = services;
    }

    void register(RouteTable routes) {
        // The observatories' page (French): the same answers as below, read by the browser, for any region.
        routes.get("/territoires", ctx -> ctx.html(ApiServer.resource("/web/territoires.html")));
        routes.get("/territoires/{code}", ctx -> ctx.html(ApiServer.resource("/web/territoires.html")));
        routes.getReleased(
                "/api/regions/{code}", ctx -> ctx.json(services.regions().summary(region(ctx))));
        routes.getReleased("/api/regions/{code}/flows", ctx -> {
            // The people whose region was not collected are a class of their own, counted: "unknown" asks for them.
            String region = ctx.pathParam("code").equalsIgnoreCase("unknown") ? "unknown" : region(ctx);
            int level = Params.intParam(ctx, "level", 0, 8, 0);
            if (!LEVELS.contains(level)) {
                throw ApiError.badParameter(
                        "level", Integer.toString(level), "0 (every level) or an education level: 3, 4, 5, 6, 7, 8");
            }
            ctx.json(services.regions().flows(region, level));
        });
    }

    /** The path's region as an INSEE code (a name or dep:NN is read as import reads it); 404 with the codes. */
    private String region(Context ctx) {
        String asked = ctx.pathParam("code");
        return regions.normalise(asked)
                .orElseThrow(() -> new ApiError(
                        404,
                        "unknown region",
                        "region",
                        asked,
                        "regions",
                        regions.codes().stream()
                                .map(code -> Map.of("code", code, "name", regions.name(code)))
                                .toList()));
    }
}
