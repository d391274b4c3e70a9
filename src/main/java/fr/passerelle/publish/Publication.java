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
 * One release: the version of the live graph it was made from, when, under which thresholds and
 * noise, what it holds, and the folder of CSV files plus {@code load.cypher}.
 */
public record Publication(
        long version,
        String publishedAt,
        int k,
        int minDenominator,
        int maxNoise,
        double noiseVariance,
        Publisher.Counts counts,
        Path dir) {
    static final String DESCRIPTION = "publication.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void writeDescription(Path folder) throws IOException {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("version", version);
        description.put("publishedAt", publishedAt);
        description.put("k", k);
        description.put("minDenominator", minDenominator);
        description.put("maxNoise", maxNoise);
        description.put("noiseVariance", noiseVariance);
        description.put("counts", counts);
        description.put("files", Publisher.FILES);
        JSON.writeValue(folder.resolve(DESCRIPTION).toFile(), description);
    }

    /**
     * True when {@code dir} holds a whole release: its completion mark (written last, before the
     * folder is renamed into place) and every file of the current catalogue.
     */
    public static boolean complete(Path dir) {
        return java.nio.file.Files.exists(dir.resolve(Publisher.COMPLETE))
                && Publisher.FILES.stream().allMatch(f -> java.nio.file.Files.exists(dir.resolve(f)));
    }

    /**
     * The newest complete release under {@code root} (a folder of {@code <version>/} folders, as
     * {@code publish} writes them), or {@code root} itself when it is one release; empty when none is
     * complete yet. Half-built folders ({@code <version>.building}) are never taken.
     */
    public static java.util.Optional<Publication> newest(Path root) {
        if (complete(root)) {
            return java.util.Optional.of(read(root));
        }
        if (!java.nio.file.Files.isDirectory(root)) {
            return java.util.Optional.empty(); // a home never published
        }
        try (var dirs = java.nio.file.Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+") && complete(d))
                    .max(java.util.Comparator.comparingLong(
                            d -> Long.parseLong(d.getFileName().toString())))
                    .map(Publication::read);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the releases in " + root, e);
        }
    }

    /** The highest version ever published (or half-built) under {@code root}, 0 when none: newer data must get a higher one. */
    public static long highestVersion(Path root) {
        if (!java.nio.file.Files.isDirectory(root)) {
            return 0;
        }
        try (var dirs = java.nio.file.Files.list(root)) {
            return dirs.map(d -> d.getFileName().toString().replace(".building", ""))
                    .filter(n -> n.matches("\\d+"))
                    .mapToLong(Long::parseLong)
                    .max()
                    .orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the releases in " + root, e);
        }
    }

    public static Publication read(Path dir) {
        try {
            JsonNode d = JSON.readTree(dir.resolve(DESCRIPTION).toFile());
            Publisher.Counts counts = JSON.treeToValue(d.get("counts"), Publisher.Counts.class);
            return new Publication(
                    d.get("version").asLong(),
                    d.get("publishedAt").asText(),
                    d.get("k").asInt(),
                    d.get("minDenominator").asInt(),
                    d.get("maxNoise").asInt(),
                    d.get("noiseVariance").asDouble(),
                    counts,
                    dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the release in " + dir, e);
        }
    }
}
