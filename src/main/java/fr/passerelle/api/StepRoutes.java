package fr.passerelle.api;

import fr.passerelle.catalog.Regions;
import fr.passerelle.publish.ReleaseCatalogue;
import fr.passerelle.recommend.NextQuery;
import fr.passerelle.recommend.Services;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** {@code /api/steps}: search, one step, where next, where from, reconversions, outcomes, fit, benchmark, mobility, similar steps. */
final class StepRoutes {
    static final Set<String> KINDS = Set.of("education", "job", "other");
    static final int MIN_YEAR = 1950;
    static final int MAX_YEAR = 2100;
    /** A working life and then some: 100 years, in months. */
    static final int MAX_SINCE_MONTHS = 1200;

    private final Services services;
    private final MarketAnnotation market;
    private final Regions regions = Regions.bundled();

    StepRoutes(Services services, MarketAnnotation market) {
        this.services = services;
        this.market = market;
    }

    void register(RouteTable routes) {
        routes.getReleased("/api/steps", this::search);
        routes.getReleased("/api/steps/{id}", ctx -> ctx.json(services.steps().step(ctx.pathParam("id"))));
        routes.getReleased("/api/steps/{id}/next", this::next);
        routes.getReleased(
                "/api/steps/{id}/previous",
                ctx -> ctx.json(services.steps().previous(ctx.pathParam("id"), Params.oneOf(ctx, "kind", KINDS))));
        routes.getReleased(
                "/api/steps/{id}/reconversions",
                ctx -> ctx.json(market.apply(
                        ctx,
                        services.fields()
                                .reconversions(
                                        ctx.pathParam("id"),
                                        Params.intParam(ctx, "maxSteps", 1, ReleaseCatalogue.MAX_RECONVERSION_STEPS, 3),
                                        Params.intParam(ctx, "limit", 1, 50, 10)),
                        List::of,
                        null)));
        routes.getReleased("/api/steps/{id}/outcomes", ctx -> {
            boolean byCohort = "cohort".equals(Params.oneOf(ctx, "by", Set.of("cohort")));
            // The people whose region was not collected are a class of their own: asked as region=unknown.
            String region = "unknown".equals(ctx.queryParam("region")) ? "unknown" : region(ctx);
            if (byCohort && region != null) {
                throw new ApiError(
                        400,
                        "not in the release",
                        "parameters",
                        List.of("by", "region"),
                        "allowed",
                        "by=cohort or region, not both: the release holds outcomes by exit cohort or by region, not by"
                                + " their combination");
            }
            fr.passerelle.recommend.Outcomes outcomes =
                    services.outcomes().outcomes(ctx.pathParam("id"), months(ctx), byCohort, region);
            // Outcomes name domains, not jobs: the notes are those of the programme's target jobs (its promise).
            ctx.json(market.apply(
                    ctx,
                    outcomes,
                    () -> services.steps().step(outcomes.step().id()).targets(),
                    null));
        });
        routes.getReleased("/api/steps/{id}/fit", ctx -> {
            fr.passerelle.recommend.Fit fit = services.fit().fit(ctx.pathParam("id"), oneMonths(ctx));
            ctx.json(market.apply(
                    ctx,
                    fit,
                    () -> fit.targets().stream()
                            .map(fr.passerelle.recommend.Fit.TargetJob::code)
                            .toList(),
                    null));
        });
        // The carrefour: what became of the people of each road from the step (a counsellor's question).
        routes.getReleased("/api/steps/{id}/fork", ctx -> {
            int months = Params.intParam(ctx, "months", 1, 120, 24);
            if (!fr.passerelle.recommend.ForkService.MONTHS.contains(months)) {
                throw ApiError.badParameter(
                        "months", Integer.toString(months), "one of " + fr.passerelle.recommend.ForkService.MONTHS);
            }
            java.util.List<String> compare = Params.codes(ctx, "compare", 2);
            if (ctx.queryParam("compare") != null
                    && (compare.size() != 2 || compare.get(0).equals(compare.get(1)))) {
                throw ApiError.badParameter(
                        "compare", ctx.queryParam("compare"), "two different roads, as BTS-MCO,otherDomainJob");
            }
            // The time already spent at the step, snapped to the release's "since" bins as for next.
            Integer spent = Params.optionalInt(ctx, "since", 0, MAX_SINCE_MONTHS);
            String since = spent == null ? null : ReleaseCatalogue.sinceBins().get(ReleaseCatalogue.sinceIndex(spent));
            // The step before (a path's last step: the carrefour conditions on one step, as a path of one).
            List<String> after = Params.codes(ctx, "after", 10);
            ctx.json(services.forks()
                    .fork(
                            ctx.pathParam("id"),
                            months,
                            compare.isEmpty() ? null : compare,
                            since,
                            after.isEmpty() ? null : after.get(after.size() - 1)));
        });
        routes.getReleased("/api/steps/{id}/fit/jobs", ctx -> {
            fr.passerelle.recommend.FitJobs jobs = services.fit().jobs(ctx.pathParam("id"), oneMonths(ctx));
            ctx.json(market.apply(ctx, jobs, List::of, null));
        });
        routes.getReleased(
                "/api/steps/{id}/mobility",
                ctx -> ctx.json(services.mobility().mobility(ctx.pathParam("id"), oneMonths(ctx))));
        routes.getReleased(
                "/api/steps/{id}/benchmark",
                ctx -> ctx.json(services.benchmark().benchmark(ctx.pathParam("id"), oneMonths(ctx))));
        routes.getReleased(
                "/api/steps/{id}/market", ctx -> ctx.json(services.market().market(ctx.pathParam("id"), region(ctx))));
        routes.getReleased(
                "/api/steps/{id}/similar",
                ctx -> ctx.json(
                        services.similarity().similar(ctx.pathParam("id"), Params.intParam(ctx, "limit", 1, 50, 10))));
    }

    private void search(Context ctx) {
        String q = Params.text(ctx, "q", 100, false);
        String kind = Params.oneOf(ctx, "kind", KINDS);
        int limit = Params.intParam(ctx, "limit", 1, 50, 10);
        ctx.json(services.steps().search(q == null ? "" : q, kind, limit));
    }

    /** Outcome months: only those the release holds. */
    static List<Integer> months(Context ctx) {
        List<Integer> months = Params.ints(
                ctx, "months", 1, 120, ReleaseCatalogue.OUTCOME_MONTHS.size(), ReleaseCatalogue.DEFAULT_OUTCOME_MONTHS);
        for (Integer m : months) {
            if (!ReleaseCatalogue.OUTCOME_MONTHS.contains(m)) {
                throw ApiError.badParameter(
                        "months", m.toString(), "months among the released ones: " + ReleaseCatalogue.OUTCOME_MONTHS);
            }
        }
        return months;
    }

    /** One outcome horizon among the released ones, 12 months when not given. */
    static int oneMonths(Context ctx) {
        int m = Params.intParam(ctx, "months", 1, 120, 12);
        if (!ReleaseCatalogue.OUTCOME_MONTHS.contains(m)) {
            throw ApiError.badParameter(
                    "months", Integer.toString(m), "one of the released horizons: " + ReleaseCatalogue.OUTCOME_MONTHS);
        }
        return m;
    }

    private void next(Context ctx) {
        List<String> after = Params.codes(ctx, "after", ReleaseCatalogue.MAX_AFTER);
        if (after.contains(ctx.pathParam("id"))) {
            // The path so far ends before the step: a step in it twice is not a question the release answers.
            // Not echoed: an answer names no step the release does not (the attack test holds every field to it).
            throw new ApiError(
                    400,
                    "invalid parameter",
                    "parameter",
                    "after",
                    "allowed",
                    "the steps before the step asked about, oldest first, without the step itself");
        }
        String region = region(ctx);
        String period = ctx.queryParam("period");
        if (period != null && period.isBlank()) {
            period = null;
        }
        if (period != null && !ReleaseCatalogue.periods().contains(period)) {
            throw ApiError.badParameter(
                    "period", period, "a released entry period: " + String.join(", ", ReleaseCatalogue.periods()));
        }
        Integer from = Params.optionalInt(ctx, "from", MIN_YEAR, MAX_YEAR);
        Integer to = Params.optionalInt(ctx, "to", MIN_YEAR, MAX_YEAR);
        if (from != null || to != null) {
            // Arbitrary year windows would let two overlapping answers be subtracted: only the released periods exist.
            String bin = ReleaseCatalogue.periodOfYears(from, to);
            if (bin == null || period != null && !period.equals(bin)) {
                throw ApiError.badParameter(
                        from != null ? "from" : "to",
                        String.valueOf(from != null ? from : to),
                        "from and to together, as one released entry period (or period=): "
                                + String.join(", ", ReleaseCatalogue.periods()));
            }
            period = bin;
        }
        // Months already spent at the step, snapped to its released bin: any month count is allowed, and
        // two counts in one bin are the same question.
        Integer months = Params.optionalInt(ctx, "since", 0, MAX_SINCE_MONTHS);
        String since = months == null ? null : ReleaseCatalogue.sinceBins().get(ReleaseCatalogue.sinceIndex(months));
        int dimensions = (after.isEmpty() ? 0 : 1)
                + (region == null ? 0 : 1)
                + (period == null ? 0 : 1)
                + (since == null ? 0 : 1);
        if (dimensions > 1) {
            throw new ApiError(
                    400,
                    "not in the release",
                    "parameters",
                    List.of("after", "region", "period", "since"),
                    "allowed",
                    "at most one of after, region, period and since: the release holds where people went next by path so far, "
                            + "by region, by entry period or by months spent at the step, not by their combinations");
        }
        String kind = Params.oneOf(ctx, "kind", KINDS);
        fr.passerelle.recommend.NextSteps next =
                services.steps().next(new NextQuery(ctx.pathParam("id"), after, region, period, since, kind));
        ctx.json(market.apply(ctx, next, List::of, region));
    }

    /** The region asked, as an INSEE code: what import accepts (a code, a name with accents and case free, dep:NN). */
    private String region(Context ctx) {
        String asked = ctx.queryParam("region");
        if (asked == null || asked.isBlank()) {
            return null;
        }
        return regions.normalise(asked)
                .orElseThrow(() -> ApiError.badParameter(
                        "region",
                        asked,
                        "an INSEE region code, a region name or dep:NN (GET /api/regions lists them): "
                                + String.join(", ", regions.codes())));
    }
}
