package fr.passerelle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.recommend.StepNotFoundException;
import fr.passerelle.recommend.StepService;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the HTTP application; the caller starts it (the server) or drives it (tests). */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private ApiServer() {
    }

    public static Javalin create(StepService steps) {
        ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.ALWAYS);
        StepRoutes stepRoutes = new StepRoutes(steps);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            config.routes.get("/api/health", ctx -> {
                Map<String, Object> health = new LinkedHashMap<>();
                health.put("status", "ok");
                health.put("datasetVersion", steps.datasetVersion());
                health.put("k", steps.thresholds().k());
                ctx.json(health);
            });
            stepRoutes.register(config.routes);
            config.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
            config.routes.exception(StepNotFoundException.class, (e, ctx) -> {
                ApiError error = new ApiError(404, "unknown step", "step", e.step(), "closeMatches", e.closeMatches());
                ctx.status(404).json(error.body());
            });
            config.routes.exception(TransientException.class, (e, ctx) -> ctx.status(503).json(Map.of(
                    "error", "the query took too long or the database is busy; try again or narrow the request")));
            config.routes.exception(ServiceUnavailableException.class, (e, ctx) -> ctx.status(503).json(Map.of(
                    "error", "the database is unavailable")));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {}", ctx.path(), e);
                ctx.status(500).json(Map.of("error", "internal error"));
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
}
