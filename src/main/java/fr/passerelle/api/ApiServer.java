package fr.passerelle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.publish.Publication;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds the HTTP application; the caller starts it (the server) or drives it (tests). */
public final class ApiServer {
    /** Documented in {@code src/main/resources/openapi.json}; a test keeps the two in step. */
    public static final String OPENAPI = "/openapi.json";

    /** Open to anyone even when reads need a key: status, documentation and the processing register. */
    private static final java.util.Set<String> PUBLIC =
            java.util.Set.of("/api/health", "/api/openapi.json", "/api/docs", "/api/privacy");

    private ApiServer() {}

    /**
     * Options of the HTTP layer.
     *
     * @param publication the publication analysts see (for the Neo4j Browser guide), or null when
     *     there is none: the guide then states the live thresholds
     * @param schedule when the last release went out and the rule for the next (null: a replica, which
     *     publishes nothing)
     */
    public record Options(
            List<String> corsOrigins,
            Supplier<Publication> publication,
            Admin admin,
            ApiKeys keys,
            boolean readerKeyRequired,
            int requestsPerMinute,
            fr.passerelle.collect.Opposition opposition,
            fr.passerelle.ingest.DirectContributions contributions,
            Supplier<java.util.Map<String, Object>> schedule,
            AccessLog accessLog) {
        public Options(List<String> corsOrigins) {
            this(corsOrigins, () -> null);
        }

        public Options(List<String> corsOrigins, Supplier<Publication> publication) {
            this(corsOrigins, publication, null, ApiKeys.none(), false, 0, null, null, null, null);
        }

        /**
         * With what people do themselves: object to the collection of their profile by its URL
         * ({@code POST /api/opposition}), contribute their trajectory with consent
         * ({@code /api/contributions}); either may be null (the route then answers 503).
         */
        public Options withSelfService(
                fr.passerelle.collect.Opposition opposition, fr.passerelle.ingest.DirectContributions contributions) {
            return new Options(
                    corsOrigins,
                    publication,
                    admin,
                    keys,
                    readerKeyRequired,
                    requestsPerMinute,
                    opposition,
                    contributions,
                    schedule,
                    accessLog);
        }

        /** With the publication schedule that health, the register and the notice state. */
        public Options withSchedule(Supplier<java.util.Map<String, Object>> schedule) {
            return new Options(
                    corsOrigins,
                    publication,
                    admin,
                    keys,
                    readerKeyRequired,
                    requestsPerMinute,
                    opposition,
                    contributions,
                    schedule,
                    accessLog);
        }

        /** With an access log (method, path, status, time: no address, no query string, no body, no key). */
        public Options withAccessLog(AccessLog accessLog) {
            return new Options(
                    corsOrigins,
                    publication,
                    admin,
                    keys,
                    readerKeyRequired,
                    requestsPerMinute,
                    opposition,
                    contributions,
                    schedule,
                    accessLog);
        }

        public static Options defaults() {
            return new Options(List.of());
        }

        /** With admin operations, API keys, whether reads need a key, and a per-caller limit (0 = none). */
        public Options withAccess(Admin admin, ApiKeys keys, boolean readerKeyRequired, int requestsPerMinute) {
            return new Options(
                    corsOrigins,
                    publication,
                    admin,
                    keys,
                    readerKeyRequired,
                    requestsPerMinute,
                    opposition,
                    contributions,
                    schedule,
                    accessLog);
        }
    }

    public static Javalin create(Services services) {
        return create(services, Options.defaults(), new ArrayList<>());
    }

    /** Builds the app; {@code registered} receives every API route ("GET /api/..."). */
    public static Javalin create(Services services, Options options, List<String> registered) {
        ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.ALWAYS);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            // A wrong method on a route is a 405 (with Allow, below), not a 404.
            config.http.prefer405over404 = true;
            // Jetty answers some malformed requests itself (bad URI, header too large): as the project's JSON error
            // too.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.startup.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            // The Canopé page (src/main/resources/web) at "/": it uses the public API only.
            config.staticFiles.add(web -> {
                web.hostedPath = "/";
                web.directory = "/web";
                web.location = Location.CLASSPATH;
            });
            if (!options.corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    if (options.corsOrigins().contains("*")) {
                        rule.anyHost();
                    } else {
                        rule.allowHost(
                                options.corsOrigins().get(0),
                                options.corsOrigins()
                                        .subList(1, options.corsOrigins().size())
                                        .toArray(String[]::new));
                    }
                }));
            }
            RouteTable routes = new RouteTable(config, new AnswerCache(options.publication()));
            config.routes.before(ctx -> SecurityHeaders.apply(ctx));
            if (options.accessLog() != null) {
                config.routes.before(ctx -> ctx.attribute(AccessLog.STARTED, System.nanoTime()));
                config.routes.after(ctx -> options.accessLog().record(ctx));
            }
            AccessControl access = new AccessControl(
                    options.keys(),
                    options.readerKeyRequired(),
                    options.requestsPerMinute(),
                    new Rooms(java.time.Clock.systemUTC()));
            config.routes.before("/api/*", ctx -> {
                String path = ctx.path();
                if (path.startsWith("/api/institutions/")) {
                    // An establishment's private figures: its own key, whatever the method or the route.
                    String[] parts = path.split("/", -1);
                    access.checkInstitution(ctx, parts.length > 3 ? parts[3] : "");
                } else if (path.equals("/api/admin/institutions") && ctx.method() == io.javalin.http.HandlerType.GET) {
                    access.check(ctx, ApiKeys.Role.ADMIN);
                } else if (path.startsWith("/api/admin/")) {
                    // Admin routes are POST only: any other method is a 405 (the routes are public in the OpenAPI
                    // document anyway).
                    if (ctx.method() == io.javalin.http.HandlerType.POST) {
                        access.check(ctx, ApiKeys.Role.ADMIN);
                    }
                } else if (path.equals("/api/contributions") && ctx.method() == io.javalin.http.HandlerType.POST) {
                    // An app contributes its user's trajectory: it must say who it is.
                    access.checkKeyed(ctx, ApiKeys.Role.READER);
                } else if (path.startsWith("/api/contributions/")) {
                    // The person withdraws with the token alone (their app may be gone); rate-limited.
                    access.limit(ctx);
                } else if (path.equals("/api/opposition")) {
                    // Anyone may object, with or without a key; the rate limit bounds abuse.
                    access.limit(ctx);
                } else if (!PUBLIC.contains(path)) {
                    access.check(ctx, ApiKeys.Role.READER);
                }
            });
            // The Neo4j Browser guide is fetched by Browser from another origin (the analysts' instance).
            config.routes.before("/guide/*", ctx -> {
                ctx.header("Access-Control-Allow-Origin", "*");
                ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
                ctx.header("Access-Control-Allow-Headers", "cache-control, pragma, sentry-trace, content-type, accept");
            });
            // Every route, by feature: each class parses and validates, calls one service, returns its record.
            new AboutRoutes(services, options.publication(), options.schedule()).register(routes);
            MarketAnnotation market = new MarketAnnotation(services.market(), json);
            new StepRoutes(services, market).register(routes);
            new PathwayRoutes(services, market).register(routes);
            new RegionRoutes(services).register(routes);
            new InstitutionRoutes(services).register(routes);
            new PrivacyRoutes(services, options.publication(), options.schedule(), options.opposition())
                    .register(routes);
            new ContributionRoutes(options.contributions(), json).register(routes);
            new CounselRoutes(services, json).register(routes);
            new AdminRoutes(options.admin()).register(routes);
            new RoomRoutes(access).register(routes);
            routes.mapErrors();
            registered.addAll(routes.registered());
        });
    }

    static String resource(String path) {
        try (InputStream in = ApiServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
