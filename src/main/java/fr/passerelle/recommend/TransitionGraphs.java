package fr.passerelle.recommend;

import fr.passerelle.graph.Database;
import fr.passerelle.privacy.AggregateDisclosure;
import java.util.Map;

/** Holds the in-memory published graph of the current dataset version, reloading it when the version changes. */
final class TransitionGraphs {
    private final Database db;
    private final StepService steps;
    private volatile TransitionGraph current;

    TransitionGraphs(Database db, StepService steps) {
        this.db = db;
        this.steps = steps;
    }

    /** The graph of dataset version {@code v}, which the caller has just read with its own question. */
    TransitionGraph current(long v) {
        TransitionGraph graph = current;
        if (graph == null || graph.version != v) {
            synchronized (this) {
                graph = current;
                if (graph == null || graph.version != v) {
                    graph = load(v);
                    current = graph;
                }
            }
        }
        return graph;
    }

    private TransitionGraph load(long v) {
        TransitionGraph graph = new TransitionGraph(v);
        AggregateDisclosure shown = steps.disclosure(v);
        db.read("queries/published-transitions", Map.of("k", steps.thresholds().k()), r -> {
            if (!shown.shows(r.get("from").asString(), r.get("to").asString())) {
                return null;
            }
            graph.add(r.get("from").asString(), r.get("to").asString(), r.get("people").asLong(), r.get("fromOut").asLong(),
                    r.get("medianMonths").isNull() ? null : r.get("medianMonths").asInt(), r.get("timedPeople").asLong(0));
            return null;
        });
        return graph;
    }
}
