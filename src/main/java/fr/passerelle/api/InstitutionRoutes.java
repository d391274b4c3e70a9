package fr.passerelle.api;

import fr.passerelle.catalog.Uai;
import fr.passerelle.recommend.Services;
import io.javalin.http.Context;
import java.util.Set;

/**
 * An establishment's own figures, {@code /api/institutions/{uai}/...}: read with that establishment's
 * institution key only ({@link AccessControl#checkInstitution}, before the route and its cache); kept in a
 * cache apart from public answers and marked private, no-store for HTTP caches. The administrators' list is {@code GET /api/admin/institutions}.
 */
final class InstitutionRoutes {
    private final Services services;

    InstitutionRoutes(Services services) {
        this.services = services;
    }

    void register(RouteTable routes) {
        // The establishment's page (French): the key is typed in the page and sent in a header by the browser.
        routes.get("/etablissement", ctx -> ctx.html(ApiServer.resource("/web/etablissement.html")));
        routes.get("/etablissement/{uai}", ctx -> ctx.html(ApiServer.resource("/web/etablissement.html")));
        routes.getReleasedPrivately("/api/institutions/{uai}/programmes", ctx -> {
            String uai = privateAnswer(ctx);
            ctx.json(services.institutions().programmes(uai));
        });
        routes.getReleasedPrivately("/api/institutions/{uai}/steps/{code}/outcomes", ctx -> {
            String uai = privateAnswer(ctx);
            String by = Params.oneOf(ctx, "by", Set.of("cohort", "all"));
            var answer = services.institutions().outcomes(uai, ctx.pathParam("code"), StepRoutes.months(ctx));
            if ("all".equals(by)) {
                answer = new fr.passerelle.recommend.InstitutionOutcomes(
                        answer.uai(),
                        answer.step(),
                        answer.outcomes().stream()
                                .filter(o -> o.exitCohort().equals("all"))
                                .toList(),
                        answer.reasons(),
                        answer.evidence());
            }
            ctx.json(answer);
        });
        routes.getReleasedPrivately("/api/institutions/{uai}/steps/{code}/next", ctx -> {
            String uai = privateAnswer(ctx);
            ctx.json(services.institutions().next(uai, ctx.pathParam("code")));
        });
        routes.getReleasedPrivately("/api/institutions/{uai}/steps/{code}/fit", ctx -> {
            String uai = privateAnswer(ctx);
            ctx.json(services.institutions().fit(uai, ctx.pathParam("code"), StepRoutes.oneMonths(ctx)));
        });
        routes.getReleasedPrivately("/api/institutions/{uai}/coverage", ctx -> {
            String uai = privateAnswer(ctx);
            ctx.json(services.institutions().coverage(uai));
        });
        routes.get(
                "/api/admin/institutions",
                ctx -> ctx.json(
                        java.util.Map.of("institutions", services.institutions().list())));
    }

    /** The path's UAI (the key was checked for it before the route ran); the answer is for its holder only. */
    private static String privateAnswer(Context ctx) {
        ctx.header("Cache-Control", "private, no-store");
        return Uai.normalise(ctx.pathParam("uai")).orElseThrow();
    }
}
