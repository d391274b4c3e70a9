package fr.passerelle.recommend;

import fr.passerelle.graph.Database;
import fr.passerelle.graph.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The release reads behind one answer. Every named query run through it, or read from a per-release
 * cache, is named in the answer's evidence, in the order it ran: the evidence is what ran, never a
 * list typed a second time.
 */
final class Reads {
    private final Database db;
    private final List<String> queries = new ArrayList<>();

    Reads(Database db) {
        this.db = db;
    }

    <T> List<T> read(String query, Map<String, Object> params, Function<Row, T> mapper) {
        used(query);
        return db.rows(query, params, mapper);
    }

    /** A query whose rows this answer uses from a per-release cache (run once per release, not now). */
    void used(String query) {
        if (!queries.contains(query)) {
            queries.add(query);
        }
    }

    List<String> queries() {
        return List.copyOf(queries);
    }
}
