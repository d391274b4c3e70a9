package fr.passerelle.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.ingest.DirectContributions;
import fr.passerelle.ingest.RawStep;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /api/contributions}: a person's own trajectory sent by their app with consent, and its withdrawal by token. */
final class ContributionRoutes {
    private static final String EXPECTED =
            "a JSON object: {\"steps\": [...], \"consent\": {\"purposeVersion\", \"consentedAt\"}}";
    private final DirectContributions contributions;
    private final ObjectMapper json;

    ContributionRoutes(DirectContributions contributions, ObjectMapper json) {
        this.contributions = contributions;
        this.json = json;
    }

    void register(RouteTable routes) {
        routes.post("/api/contributions", this::contribute);
        routes.delete("/api/contributions/{token}", this::withdraw);
    }

    private void contribute(Context ctx) {
        available();
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw ApiError.badParameter("body", "", EXPECTED);
        }
        if (body == null
                || !body.isObject()
                || !body.path("steps").isArray()
                || !body.path("consent").isObject()) {
            throw ApiError.badParameter("body", "", EXPECTED);
        }
        List<RawStep> steps = new ArrayList<>();
        body.get("steps")
                .forEach(st -> steps.add(new RawStep(
                        st.path("kind").asText(null),
                        st.path("code").asText(null),
                        st.path("start").asText(null),
                        st.path("end").asText(null),
                        st.path("region").asText(null))));
        String app = ctx.attribute("apiKeyName");
        try {
            ctx.status(201)
                    .json(contributions.contribute(
                            app,
                            steps,
                            body.get("consent").path("purposeVersion").asText(null),
                            body.get("consent").path("consentedAt").asText(null)));
        } catch (DirectContributions.InvalidContribution e) {
            throw new ApiError(400, "invalid contribution", "field", e.field(), "expected", e.getMessage());
        } catch (DirectContributions.QuotaExceeded e) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            throw new ApiError(
                    429,
                    "daily contribution quota reached",
                    "perKeyPerDay",
                    e.perDay(),
                    "retryAfterSeconds",
                    e.retryAfterSeconds());
        }
    }

    private void withdraw(Context ctx) {
        available();
        var receipt = contributions.withdraw(ctx.pathParam("token"));
        if (receipt.isEmpty()) {
            throw new ApiError(404, "no contribution with this token (unknown, or already withdrawn)");
        }
        ctx.json(Map.of(
                "withdrawn",
                true,
                "receipt",
                receipt.get(),
                "effect",
                "The trajectory is erased and will not be taken again; published figures follow at the next release "
                        + "(releases go out in batches, within 30 days at the latest by default)."));
    }

    private void available() {
        if (contributions == null) {
            throw new ApiError(503, "contributions are not taken on this server");
        }
    }
}
