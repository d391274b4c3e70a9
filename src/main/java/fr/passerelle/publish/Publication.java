package fr.passerelle.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One publication: the version of the live graph it was made from, when, under which thresholds,
 * what it holds, and the folder of CSV files plus {@code load.cypher}.
 */
public record Publication(long version, String publishedAt, int k, int minDenominator, Publisher.Counts counts, Path dir) {
    static final String DESCRIPTION = "publication.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void writeDescription(Path folder) throws IOException {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("version", version);
        description.put("publishedAt", publishedAt);
        description.put("k", k);
        description.put("minDenominator", minDenominator);
        description.put("counts", counts);
        description.put("files", java.util.List.of("meta.csv", "steps.csv", "domains.csv", "regions.csv", "step-regions.csv",
                "transitions.csv", "paths.csv", "outcomes.csv", "load.cypher"));
        JSON.writeValue(folder.resolve(DESCRIPTION).toFile(), description);
    }

    static Publication read(Path dir) {
        try {
            JsonNode d = JSON.readTree(dir.resolve(DESCRIPTION).toFile());
            JsonNode c = d.get("counts");
            return new Publication(d.get("version").asLong(), d.get("publishedAt").asText(), d.get("k").asInt(), d.get("minDenominator").asInt(),
                    new Publisher.Counts(c.get("steps").asInt(), c.get("transitions").asInt(), c.get("hiddenTransitions").asInt(),
                            c.get("paths").asInt(), c.get("regionCells").asInt(), c.get("outcomes").asInt()), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the publication in " + dir, e);
        }
    }
}
