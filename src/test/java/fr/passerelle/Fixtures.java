package fr.passerelle;

import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.Importer;
import fr.passerelle.ingest.Normaliser;
import fr.passerelle.privacy.HmacKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Small hand-built populations and graph snapshots for tests. */
public final class Fixtures {
    public static final HmacKey KEY = HmacKey.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    public static final fr.passerelle.privacy.Register.Settings REGISTER = new fr.passerelle.privacy.Register.Settings(KEY.keyId(), 24, "REGION");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    public static Importer importer(Database db, int batchSize) {
        Normaliser normaliser = new Normaliser(Catalogue.bundled(), Regions.bundled(), KEY, Normaliser.RegionLevel.REGION);
        return new Importer(db, normaliser, KEY, batchSize, CLOCK);
    }

    /** One JSON line; each step is "KIND:CODE:START" (start optional), e.g. "education:BTS-MCO:2019-09". */
    public static String line(String source, String id, String... steps) {
        StringJoiner json = new StringJoiner(",", "{\"source\":\"" + source + "\",\"id\":\"" + id + "\",\"steps\":[", "]}");
        for (String step : steps) {
            String[] p = step.split(":", 4);
            StringBuilder s = new StringBuilder("{\"kind\":\"" + p[0] + "\",\"code\":\"" + p[1] + "\"");
            if (p.length > 2) {
                s.append(",\"start\":\"").append(p[2]).append('"');
            }
            if (p.length > 3) {
                s.append(",\"region\":\"").append(p[3]).append('"');
            }
            json.add(s.append('}'));
        }
        return json.toString();
    }

    /** {@code count} people with ids prefix-0.. following the same steps. */
    public static List<String> people(String prefix, int count, String... steps) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line("test", prefix + "-" + i, steps));
        }
        return lines;
    }

    public static Path write(Path dir, String name, List<String> lines) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Steps, transitions and people as plain values, to compare two graphs. */
    public static Map<String, Object> snapshot(Database db) {
        return Map.of(
                "steps", db.read("test/snapshot-steps", Map.of(), r -> r.asMap()),
                "transitions", db.read("test/snapshot-transitions", Map.of(), r -> r.asMap()),
                "persons", db.read("test/snapshot-persons", Map.of(), r -> r.asMap()));
    }

    /** Only the aggregates, without the person layer. */
    public static Map<String, Object> aggregates(Database db) {
        return Map.of(
                "steps", db.read("test/snapshot-steps", Map.of(), r -> r.asMap()),
                "transitions", db.read("test/snapshot-transitions", Map.of(), r -> r.asMap()));
    }
}
