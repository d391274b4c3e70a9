package fr.passerelle.api;

import fr.passerelle.recommend.StepService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** {@code /api/steps}: search, one step, where next. */
final class StepRoutes {
    static final Set<String> KINDS = Set.of("education", "job", "other");
    private final StepService steps;

    StepRoutes(StepService steps) {
        this.steps = steps;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/steps", this::search);
        routes.get("/api/steps/{id}", this::step);
        routes.get("/api/steps/{id}/next", this::next);
    }

    private void search(Context ctx) {
        String q = Params.text(ctx, "q", 100, false);
        String kind = Params.oneOf(ctx, "kind", KINDS);
        int limit = Params.intParam(ctx, "limit", 1, 50, 10);
        ctx.json(Map.of("query", q == null ? "" : q, "steps", steps.search(q == null ? "" : q, kind, limit)));
    }

    private void step(Context ctx) {
        ctx.json(steps.step(ctx.pathParam("id")));
    }

    private void next(Context ctx) {
        ctx.json(steps.next(ctx.pathParam("id")));
    }
}
