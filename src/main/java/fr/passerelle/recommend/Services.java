package fr.passerelle.recommend;

import fr.passerelle.graph.Database;
import fr.passerelle.privacy.Register;
import fr.passerelle.privacy.Thresholds;
import java.time.Clock;

/** Every service the API calls, built over one database. */
public record Services(
        StepService steps,
        RouteService routes,
        FieldService fields,
        OutcomeService outcomes,
        SimilarityService similarity,
        FitService fit,
        BenchmarkService benchmark,
        MobilityService mobility,
        RegionService regions,
        InstitutionService institutions,
        MarketService market,
        ForkService forks,
        ReachService reach,
        CounselService counsel,
        Register register) {

    /** The services with the standard search names ({@link SearchTitles#standard()}). */
    public static Services over(Database db, Thresholds thresholds, Clock clock, Register.Settings settings) {
        return over(db, thresholds, clock, settings, SearchTitles::standard);
    }

    /** {@code titles} is read when search (or a close match) first needs it, never at start. */
    public static Services over(
            Database db,
            Thresholds thresholds,
            Clock clock,
            Register.Settings settings,
            java.util.function.Supplier<SearchTitles> titles) {
        StepService steps = new StepService(db, thresholds, clock, titles);
        RouteService routes = new RouteService(db, steps);
        SimilarityService similarity = new SimilarityService(steps, routes);
        OutcomeService outcomes = new OutcomeService(db, steps);
        FieldService fields = new FieldService(db, steps, routes);
        MarketService market = new MarketService(steps);
        ForkService forks = new ForkService(steps, thresholds);
        ReachService reach = new ReachService(steps, thresholds);
        return new Services(
                steps,
                routes,
                fields,
                outcomes,
                similarity,
                new FitService(steps, similarity),
                new BenchmarkService(steps, similarity),
                new MobilityService(steps),
                new RegionService(steps),
                new InstitutionService(steps, thresholds),
                market,
                forks,
                reach,
                new CounselService(steps, forks, reach, fields, market),
                new Register(db, thresholds, settings, fr.passerelle.publish.ReleaseCatalogue::describe));
    }
}
