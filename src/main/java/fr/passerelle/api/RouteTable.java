package fr.passerelle.api;

import fr.passerelle.recommend.QuestionException;
import fr.passerelle.recommend.StepNotFoundException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route the server answers, declared once by the {@code *Routes} classes, and how every error
 * becomes an answer. The API routes ({@code /api/...}) are listed for the OpenAPI test; the 405
 * answer's {@code Allow} comes from the same table.
 */
public final class RouteTable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);
    private final JavalinConfig config;
    private final AnswerCache cache;
    private final AnswerCache privateCache;
    /** Path pattern -> methods, in declaration order. */
    private final Map<String, List<String>> methods = new LinkedHashMap<>();
    /** GET path pattern -> the query parameters the OpenAPI document declares for it. */
    private final Map<String, java.util.SortedSet<String>> parameters;

    RouteTable(JavalinConfig config, AnswerCache cache) {
        this.config = config;
        this.cache = cache;
        this.privateCache = AnswerCache.forKeyHolders(cache.release());
        this.parameters = declaredParameters(ApiServer.resource(ApiServer.OPENAPI));
    }

    /**
     * The query parameters of every GET operation in the OpenAPI document: the contract is the one
     * list of what a route takes, so a misspelt parameter ({@code regoin=84}) is refused instead of
     * silently answering the national figures.
     */
    static Map<String, java.util.SortedSet<String>> declaredParameters(String openApi) {
        Map<String, java.util.SortedSet<String>> declared = new java.util.HashMap<>();
        try {
            com.fasterxml.jackson.databind.JsonNode doc =
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(openApi);
            doc.path("paths").fields().forEachRemaining(path -> {
                com.fasterxml.jackson.databind.JsonNode get = path.getValue().path("get");
                if (get.isMissingNode()) {
                    return;
                }
                java.util.SortedSet<String> names = new java.util.TreeSet<>();
                for (com.fasterxml.jackson.databind.JsonNode p : get.path("parameters")) {
                    com.fasterxml.jackson.databind.JsonNode param =
                            p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
                    if ("query".equals(param.path("in").asText())) {
                        names.add(param.path("name").asText());
                    }
                }
                declared.put(path.getKey(), names);
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the OpenAPI document does not parse", e);
        }
        return declared;
    }

    /** A read answered from the release: the same request gets the same answer until the next release. */
    void getReleased(String path, Handler handler) {
        get(path, cache.wrap(handler));
    }

    /** A read from the release's private part, for the key holders the before-handler let through. */
    void getReleasedPrivately(String path, Handler handler) {
        get(path, privateCache.wrap(handler));
    }

    void get(String path, Handler handler) {
        declare("GET", path);
        java.util.SortedSet<String> allowed = parameters.get(path);
        if (allowed == null) {
            config.routes.get(path, handler);
            return;
        }
        config.routes.get(path, ctx -> {
            for (String name : ctx.queryParamMap().keySet()) {
                if (!allowed.contains(name)) {
                    throw new ApiError(
                            400,
                            "unknown parameter",
                            "parameter",
                            name,
                            "allowed",
                            List.copyOf(allowed),
                            "closeMatches",
                            closeMatches(name, allowed));
                }
            }
            handler.handle(ctx);
        });
    }

    /** The allowed names within two edits of {@code name} (case ignored): "regoin" -> "region". */
    static List<String> closeMatches(String name, java.util.Collection<String> allowed) {
        return allowed.stream()
                .filter(a -> edits(a.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT)) <= 2)
                .toList();
    }

    private static int edits(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    void post(String path, Handler handler) {
        declare("POST", path);
        config.routes.post(path, handler);
    }

    void delete(String path, Handler handler) {
        declare("DELETE", path);
        config.routes.delete(path, handler);
    }

    void options(String path, Handler handler) {
        declare("OPTIONS", path);
        config.routes.options(path, handler);
    }

    private void declare(String method, String path) {
        methods.computeIfAbsent(path, p -> new ArrayList<>()).add(method);
    }

    /** The API routes ("GET /api/steps/{id}/next"), as the OpenAPI document must list them. */
    public List<String> registered() {
        List<String> api = new ArrayList<>();
        methods.forEach((path, ms) -> ms.stream()
                .filter(m -> !m.equals("OPTIONS") && path.startsWith("/api/"))
                .forEach(m -> api.add(m + " " + path)));
        return api;
    }

    /** The methods declared for the route matching {@code path} (GET also answers HEAD). */
    List<String> allowed(String path) {
        for (Map.Entry<String, List<String>> route : methods.entrySet()) {
            if (matches(route.getKey(), path)) {
                List<String> allowed = new ArrayList<>(route.getValue());
                if (allowed.contains("GET")) {
                    allowed.add(allowed.indexOf("GET") + 1, "HEAD");
                }
                return allowed;
            }
        }
        return List.of();
    }

    private static boolean matches(String pattern, String path) {
        String regex = java.util.Arrays.stream(pattern.split("/", -1))
                .map(part -> part.startsWith("{") && part.endsWith("}")
                        ? "[^/]+"
                        : part.equals("*") ? ".*" : Pattern.quote(part))
                .reduce((a, b) -> a + "/" + b)
                .orElse("");
        return path.matches(regex);
    }

    /**
     * How failures answer: the caller's mistakes as the {@link ApiError} they are (400, 404, 405),
     * the database's trouble as a 503 to retry, anything else as a logged 500 with an id to quote
     * and no internal text.
     */
    void mapErrors() {
        config.routes.exception(ApiError.class, (e, ctx) -> answer(ctx, e));
        config.routes.exception(
                StepNotFoundException.class,
                (e, ctx) -> answer(
                        ctx, new ApiError(404, "unknown step", "step", e.step(), "closeMatches", e.closeMatches())));
        config.routes.exception(QuestionException.class, (e, ctx) -> answer(ctx, 400, e.body()));
        config.routes.exception(
                TransientException.class,
                (e, ctx) -> answer(ctx, new ApiError(503, "the database is busy; try again shortly")));
        config.routes.exception(ClientException.class, (e, ctx) -> {
            if (e.code() != null && e.code().contains("TransactionTimedOut")) {
                answer(
                        ctx,
                        new ApiError(
                                503,
                                "the query took too long and was stopped; narrow the request (fewer steps, a smaller maxSteps)"));
            } else {
                internalError(ctx, e);
            }
        });
        // The person store gone (an external Neo4j stopped, a cluster electing): answers go on from the release; what
        // needs the store says when to try again, and the driver reconnects by itself when it is back.
        config.routes.exception(ServiceUnavailableException.class, (e, ctx) -> unavailable(ctx));
        // Through the routing driver (neo4j://) a server that went away can also show as an expired session.
        config.routes.exception(
                org.neo4j.driver.exceptions.SessionExpiredException.class, (e, ctx) -> unavailable(ctx));
        config.routes.exception(Exception.class, (e, ctx) -> internalError(ctx, e));
        config.routes.error(405, ctx -> {
            List<String> allowed = allowed(ctx.path());
            ctx.header("Allow", String.join(", ", allowed));
            answer(
                    ctx,
                    new ApiError(
                            405,
                            "method not allowed",
                            "method",
                            ctx.method().name(),
                            "path",
                            ctx.path(),
                            "allowed",
                            allowed));
        });
        // Error handlers also run after our own 404s (unknown step): leave a JSON answer as it is.
        config.routes.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                answer(ctx, new ApiError(404, "no such endpoint", "path", ctx.path()));
            }
        });
    }

    /** An error as every route answers it: its status, its fields, and their sentence in the asked language. */
    private static void answer(Context ctx, ApiError error) {
        answer(ctx, error.status(), error.body());
    }

    private static void answer(Context ctx, int status, Map<String, Object> body) {
        ctx.status(status).json(ErrorMessages.withMessage(body, ctx));
    }

    private static void unavailable(Context ctx) {
        ctx.header("Retry-After", "10");
        answer(ctx, new ApiError(503, "the database is unavailable; try again shortly", "retryAfterSeconds", 10));
    }

    /** A logged 500 with an id the caller can quote to the operator; no exception text leaves the server. */
    private static void internalError(Context ctx, Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.error("internal error {} on {} {}", id, ctx.method(), ctx.path(), e);
        answer(ctx, new ApiError(500, "internal error", "id", id));
    }
}
