package fr.passerelle.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cypher statements by name, read from the {@code cypher/} folder that the build puts on the
 * classpath. The files are the single source: analysts paste the same text into Neo4j Browser.
 */
public final class Cypher {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Cypher() {}

    /** The statement in {@code cypher/<name>.cypher}, e.g. {@code queries/next-steps}. */
    public static String load(String name) {
        return CACHE.computeIfAbsent(name, Cypher::read);
    }

    private static String read(String name) {
        String path = "/cypher/" + name + ".cypher";
        try (InputStream in = Cypher.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no Cypher file " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
