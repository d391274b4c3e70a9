package fr.passerelle.person;

import fr.passerelle.graph.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/** The stored person records as import, erasure and retention read them back, inside their writing transaction. */
public final class PersonRecords {
    private PersonRecords() {}

    /** The stored records of these pseudonyms, by pseudonym (absent ones are simply missing). */
    public static Map<String, Record> stored(Database.Writer w, List<String> pids) {
        Map<String, Record> stored = new HashMap<>();
        for (Record r : w.run("person/existing-persons", Map.of("pids", pids))) {
            stored.put(r.get("pid").asString(), r);
        }
        return stored;
    }

    /** A stored record's steps, in order. */
    public static List<Visit> visits(Record r) {
        List<String> steps = r.get("steps").asList(v -> v.asString());
        List<Long> starts = r.get("starts").asList(v -> v.asLong());
        List<Long> ends = r.get("ends").asList(v -> v.asLong());
        List<String> regions = r.get("regions").asList(v -> v.asString());
        List<Visit> visits = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            visits.add(new Visit(
                    steps.get(i), starts.get(i).intValue(), ends.get(i).intValue(), regions.get(i)));
        }
        return visits;
    }
}
