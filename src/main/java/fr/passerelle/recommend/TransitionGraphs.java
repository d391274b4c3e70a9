package fr.passerelle.recommend;

import fr.passerelle.graph.Database;
import java.util.Map;

/** Holds the released transitions of the current release in memory, reloading them when the version changes. */
final class TransitionGraphs {
    private final Database db;
    private final PerRelease<TransitionGraph> current = new PerRelease<>(this::load);

    TransitionGraphs(Database db) {
        this.db = db;
    }

    /** The graph of release {@code v}, which the caller has just read with its own question. */
    TransitionGraph current(long v) {
        return current.get(v);
    }

    private TransitionGraph load(long v) {
        TransitionGraph graph = new TransitionGraph(v);
        db.rows("queries/published-transitions", Map.of(), r -> {
            graph.add(
                    r.get("from").asString(),
                    r.get("to").asString(),
                    r.get("people").asLong(),
                    r.count("fromOut"),
                    StepService.share(r),
                    r.get("medianMonths").isNull()
                            ? null
                            : r.get("medianMonths").asInt());
            return null;
        });
        return graph;
    }
}
