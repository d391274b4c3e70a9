package fr.passerelle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.analyst.Guide;
import fr.passerelle.catalog.Domains;
import fr.passerelle.publish.Publication;
import fr.passerelle.recommend.Services;
import fr.passerelle.recommend.StepNotFoundException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the HTTP application; the caller starts it (the server) or drives it (tests). */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Documented in {@code src/main/resources/openapi.json}; a test keeps the two in step. */
    public static final String OPENAPI = "/openapi.json";

    private static final Domains DOMAINS = Domains.bundled();
    /** Open to anyone even when reads need a key: status, documentation and the processing register. */
    private static final java.util.Set<String> PUBLIC = java.util.Set.of("/api/health", "/api/openapi.json", "/api/docs", "/api/privacy");

    private ApiServer() {
    }

    /**
     * Options of the HTTP layer.
     *
     * @param publication the publication analysts see (for the Neo4j Browser guide), or null when
     *     there is none: the guide then states the live thresholds
     */
    public record Options(List<String> corsOrigins, Supplier<Publication> publication, Admin admin, ApiKeys keys,
                          boolean readerKeyRequired, int requestsPerMinute, fr.passerelle.collect.Opposition opposition,
                          fr.passerelle.ingest.DirectContributions contributions) {
        public Options(List<String> corsOrigins) {
            this(corsOrigins, () -> null);
        }

        public Options(List<String> corsOrigins, Supplier<Publication> publication) {
            this(corsOrigins, publication, null, ApiKeys.none(), false, 0, null, null);
        }

        /** With self-service opposition by profile URL ({@code POST /api/opposition}). */
        public Options withOpposition(fr.passerelle.collect.Opposition opposition) {
            return new Options(corsOrigins, publication, admin, keys, readerKeyRequired, requestsPerMinute, opposition, contributions);
        }

        /** With trajectories contributed by people through apps, with consent ({@code /api/contributions}). */
        public Options withContributions(fr.passerelle.ingest.DirectContributions contributions) {
            return new Options(corsOrigins, publication, admin, keys, readerKeyRequired, requestsPerMinute, opposition, contributions);
        }

        public static Options defaults() {
            return new Options(List.of());
        }

        /** With admin operations, API keys, whether reads need a key, and a per-caller limit (0 = none). */
        public Options withAccess(Admin admin, ApiKeys keys, boolean readerKeyRequired, int requestsPerMinute) {
            return new Options(corsOrigins, publication, admin, keys, readerKeyRequired, requestsPerMinute, opposition, contributions);
        }

    }

    /** The routes registered, so the OpenAPI test can check each is documented. */
    public static final class Routes {
        private final JavalinConfig config;
        private final List<String> registered = new ArrayList<>();
        private final AnswerCache cache;

        Routes(JavalinConfig config, AnswerCache cache) {
            this.config = config;
            this.cache = cache;
        }

        /** A read answered from the release: the same request gets the same answer until the next release. */
        void getReleased(String path, Handler handler) {
            get(path, cache.wrap(handler));
        }

        void get(String path, Handler handler) {
            registered.add("GET " + path);
            config.routes.get(path, handler);
        }

        void post(String path, Handler handler) {
            registered.add("POST " + path);
            config.routes.post(path, handler);
        }

        void delete(String path, Handler handler) {
            registered.add("DELETE " + path);
            config.routes.delete(path, handler);
        }

        public List<String> registered() {
            return List.copyOf(registered);
        }
    }

    public static Javalin create(Services services) {
        return create(services, Options.defaults(), new ArrayList<>());
    }

    /** Builds the app; {@code registered} receives every API route ("GET /api/..."). */
    public static Javalin create(Services services, Options options, List<String> registered) {
        ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.ALWAYS);
        String openApi = resource(OPENAPI);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            // A wrong method on a route is a 405 (with Allow, below), not a 404.
            config.http.prefer405over404 = true;
            // Jetty answers some malformed requests itself (bad URI, header too large): as the project's JSON error too.
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
                        rule.allowHost(options.corsOrigins().get(0), options.corsOrigins().subList(1, options.corsOrigins().size()).toArray(String[]::new));
                    }
                }));
            }
            Routes routes = new Routes(config, new AnswerCache(options.publication()));
            config.routes.before(ctx -> SecurityHeaders.apply(ctx));
            AccessControl access = new AccessControl(options.keys(), options.readerKeyRequired(), options.requestsPerMinute());
            config.routes.before("/api/*", ctx -> {
                String path = ctx.path();
                if (path.startsWith("/api/admin/")) {
                    // Admin routes are POST only: any other method is a 405 (the routes are public in the OpenAPI document anyway).
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
            new AdminRoutes(options.admin()).register(routes);
            routes.post("/api/opposition", ctx -> {
                if (options.opposition() == null) {
                    throw new ApiError(503, "opposition is not available on this server", "contact", "the controller (see /vie-privee)");
                }
                String url = ctx.contentType() != null && ctx.contentType().startsWith("application/json")
                        ? Params.jsonField(ctx.body(), "url") : ctx.formParam("url");
                ctx.json(options.opposition().oppose(url).orElseThrow(() -> ApiError.badParameter("url",
                        url == null ? "" : url.length() > 100 ? url.substring(0, 100) + "…" : url, fr.passerelle.collect.Opposition.EXPECTED)));
            });
            // The partners' short notice: a snippet to paste, and a page to frame (the one page other sites may frame).
            config.routes.get("/vie-privee/encart", ctx -> {
                boolean english = "en".equals(Params.oneOf(ctx, "lang", java.util.Set.of("fr", "en")));
                ctx.header("Content-Security-Policy", SecurityHeaders.POLICY.replace("frame-ancestors 'none'", "frame-ancestors *"));
                ctx.removeHeader("X-Frame-Options");
                ctx.html(fr.passerelle.privacy.Notice.embedPage(origin(ctx), english));
            });
            config.routes.get("/vie-privee/encart.html", ctx -> {
                boolean english = "en".equals(Params.oneOf(ctx, "lang", java.util.Set.of("fr", "en")));
                ctx.contentType("text/plain; charset=utf-8").result(fr.passerelle.privacy.Notice.snippet(origin(ctx), english));
            });
            routes.post("/api/contributions", ctx -> {
                if (options.contributions() == null) {
                    throw new ApiError(503, "contributions are not taken on this server");
                }
                com.fasterxml.jackson.databind.JsonNode body;
                try {
                    body = json.readTree(ctx.body());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw ApiError.badParameter("body", "", "a JSON object: {\"steps\": [...], \"consent\": {\"purposeVersion\", \"consentedAt\"}}");
                }
                if (body == null || !body.isObject() || !body.path("steps").isArray() || !body.path("consent").isObject()) {
                    throw ApiError.badParameter("body", "", "a JSON object: {\"steps\": [...], \"consent\": {\"purposeVersion\", \"consentedAt\"}}");
                }
                List<fr.passerelle.ingest.RawStep> steps = new ArrayList<>();
                body.get("steps").forEach(st -> steps.add(new fr.passerelle.ingest.RawStep(st.path("kind").asText(null), st.path("code").asText(null),
                        st.path("start").asText(null), st.path("end").asText(null), st.path("region").asText(null))));
                String app = ctx.attribute("apiKeyName");
                try {
                    ctx.status(201).json(options.contributions().contribute(app, steps, body.get("consent").path("purposeVersion").asText(null),
                            body.get("consent").path("consentedAt").asText(null)));
                } catch (fr.passerelle.ingest.DirectContributions.InvalidContribution e) {
                    throw new ApiError(400, "invalid contribution", "field", e.field(), "expected", e.getMessage());
                }
            });
            routes.delete("/api/contributions/{token}", ctx -> {
                if (options.contributions() == null) {
                    throw new ApiError(503, "contributions are not taken on this server");
                }
                var receipt = options.contributions().withdraw(ctx.pathParam("token"));
                if (receipt.isEmpty()) {
                    throw new ApiError(404, "no contribution with this token (unknown, or already withdrawn)");
                }
                ctx.json(Map.of("withdrawn", true, "receipt", receipt.get(), "effect",
                        "The trajectory is erased and will not be taken again; published figures follow at the next publication."));
            });
            // The opposition page: a form for anyone, in French and English.
            config.routes.get("/vie-privee/opposition", ctx -> ctx.html(resource("/web/opposition.html")));
            routes.get("/api/health", ctx -> {
                Map<String, Object> health = new LinkedHashMap<>();
                health.put("status", "ok");
                health.put("datasetVersion", services.steps().datasetVersion());
                health.put("k", services.steps().thresholds().k());
                health.put("minDenominator", services.steps().thresholds().minDenominator());
                ctx.json(health);
            });
            new StepRoutes(services).register(routes);
            new RouteRoutes(services).register(routes);
            routes.get("/api/domains", ctx -> ctx.json(Map.of("domains", DOMAINS.codes().stream().sorted()
                    .map(code -> Map.of("domain", code, "label", DOMAINS.label(code))).toList())));
            routes.get("/api/privacy", ctx -> {
                String lang = Params.oneOf(ctx, "lang", java.util.Set.of("fr", "en"));
                Publication p = options.publication().get();
                Map<String, Object> publication = null;
                if (p != null) {
                    publication = new LinkedHashMap<>();
                    publication.put("version", p.version());
                    publication.put("publishedAt", p.publishedAt());
                    publication.put("counts", p.counts());
                }
                ctx.json(services.register().describe("en".equals(lang), publication));
            });
            // The information notice (GDPR Art. 14), from the register's live values; partners link to it.
            config.routes.get("/vie-privee", ctx -> {
                String lang = Params.oneOf(ctx, "lang", java.util.Set.of("fr", "en"));
                ctx.html(fr.passerelle.privacy.Notice.html(services.register().describe("en".equals(lang)), "en".equals(lang)));
            });
            // The Neo4j Browser guide: fetched by Browser from another origin (the analysts' instance).
            config.routes.before("/guide/*", ctx -> {
                ctx.header("Access-Control-Allow-Origin", "*");
                ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
                ctx.header("Access-Control-Allow-Headers", "cache-control, pragma, sentry-trace, content-type, accept");
            });
            config.routes.options("/guide/*", ctx -> ctx.status(204));
            config.routes.get("/guide/{lang}", ctx -> {
                String lang = ctx.pathParam("lang");
                if (!lang.equals("fr.html") && !lang.equals("en.html")) {
                    throw new ApiError(404, "no such guide", "guide", lang, "available", List.of("fr.html", "en.html"));
                }
                Publication p = options.publication().get();
                long version = p != null ? p.version() : services.steps().datasetVersion();
                String at = p != null ? p.publishedAt() : "live";
                int k = p != null ? p.k() : services.steps().thresholds().k();
                int min = p != null ? p.minDenominator() : services.steps().thresholds().minDenominator();
                ctx.html(Guide.html(lang.startsWith("en"), k, min, version, at));
            });
            routes.get("/api/openapi.json", ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(openApi));
            routes.get("/api/docs", ctx -> ctx.html(resource("/api-docs.html")));
            registered.addAll(routes.registered());

            config.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
            config.routes.exception(StepNotFoundException.class, (e, ctx) -> {
                ApiError error = new ApiError(404, "unknown step", "step", e.step(), "closeMatches", e.closeMatches());
                ctx.status(404).json(error.body());
            });
            config.routes.exception(fr.passerelle.recommend.QuestionException.class, (e, ctx) -> ctx.status(400).json(e.body()));
            // Anything else is our fault, not the caller's: a logged 500 with an id to quote, never internal text.

            config.routes.exception(TransientException.class, (e, ctx) -> ctx.status(503).json(Map.of(
                    "error", "the database is busy; try again shortly")));
            config.routes.exception(ClientException.class, (e, ctx) -> {
                if (e.code() != null && e.code().contains("TransactionTimedOut")) {
                    ctx.status(503).json(Map.of("error", "the query took too long and was stopped; narrow the request (fewer steps, a smaller maxSteps)"));
                } else {
                    internalError(ctx, e);
                }
            });
            config.routes.exception(ServiceUnavailableException.class, (e, ctx) -> ctx.status(503).json(Map.of(
                    "error", "the database is unavailable")));
            config.routes.exception(Exception.class, (e, ctx) -> internalError(ctx, e));
            config.routes.error(405, ctx -> {
                List<String> allowed = ctx.path().startsWith("/api/admin/") || ctx.path().equals("/api/opposition")
                        || ctx.path().equals("/api/contributions") ? List.of("POST")
                        : ctx.path().startsWith("/api/contributions/") ? List.of("DELETE") : List.of("GET", "HEAD");
                ctx.header("Allow", String.join(", ", allowed));
                ctx.json(Map.of("error", "method not allowed", "method", ctx.method().name(), "path", ctx.path(), "allowed", allowed));
            });
            // Error handlers also run after our own 404s (unknown step): leave a JSON answer as it is.
            config.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                    ctx.json(Map.of("error", "no such endpoint", "path", ctx.path()));
                }
            });
        });
    }

    /** This server as the request reached it (scheme, host, port): the absolute base of links given to partners. */
    private static String origin(io.javalin.http.Context ctx) {
        // The Host header is the client's word: only a plain host[:port] is used, never markup or another URL.
        String host = ctx.host() != null && ctx.host().matches("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9a-fA-F:]{2,39}\\](:\\d{1,5})?")
                ? ctx.host() : "localhost";
        return ctx.scheme() + "://" + host;
    }

    /** A logged 500 with an id the caller can quote to the operator; no exception text leaves the server. */
    private static void internalError(io.javalin.http.Context ctx, Exception e) {
        String id = java.util.UUID.randomUUID().toString();
        LOG.error("internal error {} on {} {}", id, ctx.method(), ctx.path(), e);
        ctx.status(500).json(Map.of("error", "internal error", "id", id));
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
