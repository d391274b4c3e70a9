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
        Javalin app = ApiServer.create(Services.over(TestNeo4j.db(), Thresholds.defaults(), Fixtures.CLOCK, Fixtures.REGISTER),
                ApiServer.Options.defaults(), registered).start("127.0.0.1", 0);
        try {
            ApiClient api = new ApiClient(app);
            JsonNode doc = api.json("/api/openapi.json", 200);
            assertEquals("3.0.3", doc.get("openapi").asText());
            TreeSet<String> documented = new TreeSet<>();
            doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
            assertEquals(documented, new TreeSet<>(registered));
            String page = api.get("/api/docs").body();
            assertTrue(page.contains("/webjars/swagger-ui/"), "the docs page loads Swagger UI from this server");
            assertTrue(!page.contains("https://"), "no CDN");
            assertEquals(200, api.get("/webjars/swagger-ui/5.27.1/swagger-ui-bundle.js").statusCode());
        } finally {
            app.stop();
        }
    }
}
