package fr.passerelle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.ingest.ImportReport;
import fr.passerelle.lifecycle.Erasure;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.Releases;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/admin/*}: import, erase, purge, publish, for admin keys only (checked before these run). */
final class AdminRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Admin admin;

    AdminRoutes(Admin admin) {
        this.admin = admin;
    }

    void register(RouteTable routes) {
        routes.post("/api/admin/erase", this::erase);
        routes.post("/api/admin/purge", ctx -> {
            List<Erasure.Receipt> receipts = admin().purge();
            ctx.json(Map.of("purged", receipts.size(), "receipts", receipts, "publication", pending()));
        });
        routes.post("/api/admin/publish", ctx -> {
            String force = ctx.queryParam("force");
            if (force != null && !force.equals("true") && !force.equals("false")) {
                throw ApiError.badParameter("force", force, "true or false");
            }
            Releases.Outcome outcome =
                    admin().publish("true".equals(force) ? "admin key " + ctx.attribute("apiKeyName") : null);
            Publication p = outcome.release();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("published", outcome.published());
            body.put("reason", outcome.decision().reason().name().toLowerCase(java.util.Locale.ROOT));
            body.put("version", p.version());
            body.put("publishedAt", p.publishedAt());
            body.put("k", p.k());
            body.put("minDenominator", p.minDenominator());
            body.put("counts", p.counts());
            body.put("schedule", admin().schedule());
            ctx.json(body);
        });
        routes.post("/api/admin/import", this::importBody);
    }

    private Admin admin() {
        if (admin == null) {
            throw new ApiError(
                    503,
                    "admin operations are not available on this server (it was started without a database it may write)");
        }
        return admin;
    }

    private void erase(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            throw new ApiError(400, "the body is not JSON", "expected", "{\"source\": \"S\", \"ids\": [\"X\", ...]}");
        }
        if (body == null
                || !body.path("source").isTextual()
                || body.path("source").asText().isBlank()
                || !body.path("ids").isArray()
                || body.path("ids").isEmpty()) {
            throw new ApiError(400, "missing source or ids", "expected", "{\"source\": \"S\", \"ids\": [\"X\", ...]}");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : body.get("ids")) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new ApiError(400, "every id must be a non-empty string", "got", id.toString());
            }
            ids.add(id.asText());
        }
        if (ids.size() > 10_000) {
            throw new ApiError(400, "at most 10000 ids per request", "got", ids.size());
        }
        List<Erasure.Receipt> receipts = admin().erase(body.get("source").asText(), ids);
        ctx.json(Map.of("receipts", receipts, "publication", pending()));
    }

    /** What a receipt says of the published figures: the records are gone now, the figures follow at the next release. */
    private Map<String, Object> pending() {
        Map<String, Object> p = new LinkedHashMap<>(admin().schedule());
        p.put("effect", PUBLISHED_LATER);
        return p;
    }

    static final String PUBLISHED_LATER =
            "The records and every per-person trace are gone now. Published figures follow"
                    + " at the next release: when enough people have changed, and at the latest by latestNextPublication.";

    private void importBody(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        String suffix = type.startsWith("text/csv")
                ? ".csv"
                : type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl") ? ".jsonl" : null;
        if (suffix == null) {
            throw new ApiError(
                    415, "send JSON Lines (Content-Type: application/x-ndjson) or CSV (text/csv)", "got", type);
        }
        boolean strict = !"false".equals(ctx.queryParam("strict"));
        Path file = null;
        try {
            // The input exists only for the import, owner-only, and is deleted whatever happens.
            file = Files.createTempFile(
                    admin().uploads(),
                    "import-",
                    suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, ctx.bodyAsBytes());
            ImportReport report = admin().importFile(file, strict);
            Map<String, Object> body = new LinkedHashMap<>();
            if (report.rejected()) {
                // An error like every other (the "error" field), with the report that names each bad line.
                body.put("error", "import rejected: nothing was written");
            }
            body.put("rejected", report.rejected());
            body.put("records", report.records());
            body.put("added", report.added());
            body.put("replaced", report.replaced());
            body.put("unchanged", report.unchanged());
            body.put("skipped", report.skipped());
            body.put("summary", report.summary().replace(file.toString(), "body"));
            ctx.status(report.rejected() ? 422 : 200)
                    .json(report.rejected() ? ErrorMessages.withMessage(body, ctx) : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // best effort: the temporary directory is cleaned by the system
                }
            }
        }
    }
}
