package fr.passerelle.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.catalog.Regions;
import fr.passerelle.publish.ReleaseCatalogue;
import fr.passerelle.recommend.Services;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The counsellor's page ({@code /conseil}) and its one question, {@code POST /api/counsel}: the person's path so
 * far goes in the request's body, never in an address (addresses reach access logs and browser histories); the
 * answer is not cached and says {@code no-store}; the server keeps nothing of the question.
 */
final class CounselRoutes {
    static final Set<String> FIELDS = Set.of("path", "monthsInCurrent", "region", "target", "months");
    static final String EXPECTED = "a JSON object: {\"path\": [\"BAC-PRO-MCV\", ...] (1 to "
            + (ReleaseCatalogue.MAX_AFTER + 1)
            + " step codes, oldest first, the current step last), \"monthsInCurrent\": 8,"
            + " \"region\": \"Bretagne\", \"target\": \"D1403\" (a job's code or a ROME domain letter), \"months\": 24"
            + " (12, 24 or 36)}; only path is required";

    private final Services services;
    private final ObjectMapper json;
    private final Regions regions = Regions.bundled();

    CounselRoutes(Services services, ObjectMapper json) {
        this.services = services;
        this.json = json;
    }

    void register(RouteTable routes) {
        routes.get("/conseil", ctx -> ctx.html(ApiServer.resource("/web/conseil.html")));
        routes.post("/api/counsel", this::counsel);
    }

    private void counsel(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw ApiError.badParameter("body", "", EXPECTED);
        }
        if (body == null || !body.isObject()) {
            throw ApiError.badParameter("body", "", EXPECTED);
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new ApiError(
                        400, "unknown field", "field", field, "allowed", List.copyOf(new java.util.TreeSet<>(FIELDS)));
            }
        }
        JsonNode given = body.path("path");
        if (!given.isArray() || given.isEmpty() || given.size() > ReleaseCatalogue.MAX_AFTER + 1) {
            throw ApiError.badParameter("path", given.toString(), EXPECTED);
        }
        List<String> path = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            JsonNode code = given.get(i);
            if (!code.isTextual() || code.asText().isBlank() || code.asText().length() > 64) {
                throw ApiError.badParameter("path[" + i + "]", code.toString(), "a step code, as BAC-PRO-MCV");
            }
            path.add(code.asText().trim());
        }
        String since = null;
        if (body.has("monthsInCurrent") && !body.get("monthsInCurrent").isNull()) {
            JsonNode m = body.get("monthsInCurrent");
            if (!m.canConvertToInt() || m.asInt() < 0 || m.asInt() > 600 || !m.isIntegralNumber()) {
                throw ApiError.badParameter(
                        "monthsInCurrent", m.toString(), "whole months spent in the current step, 0 to 600");
            }
            since = ReleaseCatalogue.sinceBins().get(ReleaseCatalogue.sinceIndex(m.asInt()));
        }
        String region = null;
        if (body.hasNonNull("region") && !body.get("region").asText().isBlank()) {
            String asked = body.get("region").asText();
            region = regions.normalise(asked)
                    .orElseThrow(() -> ApiError.badParameter(
                            "region",
                            asked,
                            "an INSEE region code, a region name or dep:NN (GET /api/regions lists them)"));
        }
        String target = null;
        if (body.hasNonNull("target") && !body.get("target").asText().isBlank()) {
            target = body.get("target").asText().trim();
            if (target.length() == 1) {
                target = target.toUpperCase(java.util.Locale.ROOT);
            }
        }
        int months = 24;
        if (body.has("months") && !body.get("months").isNull()) {
            JsonNode m = body.get("months");
            if (!m.isIntegralNumber() || !fr.passerelle.recommend.ForkService.MONTHS.contains(m.asInt())) {
                throw ApiError.badParameter(
                        "months", m.toString(), "one of " + fr.passerelle.recommend.ForkService.MONTHS);
            }
            months = m.asInt();
        }
        ctx.json(services.counsel().counsel(path, since, region, target, months));
    }
}
