package fr.passerelle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.recommend.MarketService;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code annotate=market} on an answer: a {@code market} map giving, for every job the answer names (a
 * step of kind job anywhere in it) and the {@code also} codes (a programme's target jobs, read only when asked), its tension
 * category (in the asked region where the files have it) and national median salary. The notes
 * describe jobs from public files, never the answer's people, so they add nothing to what it discloses.
 */
final class MarketAnnotation {
    static final String PARAMETER = "annotate";

    private final MarketService market;
    private final ObjectMapper json;

    MarketAnnotation(MarketService market, ObjectMapper json) {
        this.market = market;
        this.json = json;
    }

    /** {@code answer} as is without {@code annotate=market}; with it, the answer and its {@code market} map. */
    Object apply(Context ctx, Object answer, java.util.function.Supplier<List<String>> also, String region) {
        if (Params.oneOf(ctx, PARAMETER, Set.of("market")) == null) {
            return answer;
        }
        ObjectNode node = json.valueToTree(answer);
        Set<String> codes = new LinkedHashSet<>(also.get());
        jobs(node, codes);
        node.set("market", json.valueToTree(market.briefs(List.copyOf(codes), region)));
        return node;
    }

    private static void jobs(JsonNode node, Set<String> codes) {
        if (node.isObject()
                && "job".equals(node.path("kind").asText())
                && node.path("id").isTextual()) {
            codes.add(node.get("id").asText());
        }
        if (node.isContainerNode()) {
            node.forEach(child -> jobs(child, codes));
        }
    }
}
