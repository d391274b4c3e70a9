package fr.passerelle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.recommend.Services;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists exactly the routes the server registers, and the docs page is served locally. */
class OpenApiTest {
    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        List<String> registered = new ArrayList<>();
        Javalin app = ApiServer.create(
                        Services.over(TestNeo4j.db(), Thresholds.defaults(), Fixtures.CLOCK, Fixtures.REGISTER),
                        ApiServer.Options.defaults(),
                        registered)
                .start("127.0.0.1", 0);
        try {
            ApiClient api = new ApiClient(app);
            JsonNode doc = api.json("/api/openapi.json", 200);
            assertEquals("3.0.3", doc.get("openapi").asText());
            TreeSet<String> documented = new TreeSet<>();
            doc.get("paths")
                    .fields()
                    .forEachRemaining(path -> path.getValue()
                            .fieldNames()
                            .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
            assertEquals(documented, new TreeSet<>(registered));
            String page = api.get("/api/docs").body();
            assertTrue(page.contains("/webjars/swagger-ui/"), "the docs page loads Swagger UI from this server");
            assertTrue(!page.contains("https://"), "no CDN");
            java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/webjars/swagger-ui/[^\"]+)\"")
                    .matcher(page);
            assertTrue(script.find(), "the page names its script");
            assertEquals(200, api.get(script.group(1)).statusCode(), script.group(1));
        } finally {
            app.stop();
        }
    }

    @Test
    void theDocumentIsValidForTheToolsThatConsumeIt() throws Exception {
        String text = ApiServer.resource("/openapi.json");
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        io.swagger.v3.parser.core.models.SwaggerParseResult result =
                new io.swagger.v3.parser.OpenAPIV3Parser().readContents(text, null, options);
        assertEquals(List.of(), result.getMessages(), "the parser's complaints");
        io.swagger.v3.oas.models.OpenAPI api = result.getOpenAPI();
        assertTrue(api.getServers() != null && !api.getServers().isEmpty(), "servers");
        assertTrue(api.getComponents().getSecuritySchemes().containsKey("apiKey"));
        java.util.Set<String> ids = new java.util.HashSet<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    String where = method + " " + path;
                    assertTrue(
                            op.getOperationId() != null && op.getOperationId().matches("[a-z][A-Za-z]+"),
                            where + ": operationId " + op.getOperationId());
                    assertTrue(ids.add(op.getOperationId()), where + ": operationId repeated");
                    assertTrue(op.getSecurity() != null, where + ": security stated (empty for open routes)");
                    assertTrue(
                            op.getResponses().containsKey("500")
                                    && op.getResponses().containsKey("405"),
                            where + ": 405 and 500 documented");
                    if (op.getParameters() != null && !op.getParameters().isEmpty()) {
                        assertTrue(
                                op.getResponses().containsKey("400") || path.startsWith("/api/admin/import"),
                                where + ": 400 documented");
                    }
                    if (path.startsWith("/api/admin/")) {
                        assertTrue(
                                op.getResponses().containsKey("401")
                                        && op.getResponses().containsKey("403"),
                                where + ": 401 and 403 documented");
                    }
                }));
    }
}
