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

    /**
     * A person record as {@code import/create-persons} and {@code lifecycle/restore-persons} write it:
     * the steps in order (codes, start and end months, regions, establishments) and one {@code passed} entry per
     * distinct step at its first position. A mutable map, for the caller's own fields.
     */
    public static Map<String, Object> row(String pid, Long rkey, String source, String digest, List<Visit> visits) {
        List<String> steps = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        List<String> institutions = new ArrayList<>();
        boolean anyInstitution = false;
        Map<String, Integer> firstPosition = new java.util.LinkedHashMap<>();
        for (Visit v : visits) {
            firstPosition.putIfAbsent(v.step(), steps.size());
            steps.add(v.step());
            starts.add(v.start());
            ends.add(v.end());
            regions.add(v.region());
            institutions.add(v.institution());
            anyInstitution |= !v.institution().isEmpty();
        }
        List<Map<String, Object>> passed = new ArrayList<>();
        firstPosition.forEach((step, pos) -> passed.add(Map.of("step", step, "pos", pos)));
        Map<String, Object> row = new HashMap<>();
        row.put("pid", pid);
        row.put("rkey", rkey);
        row.put("source", source);
        row.put("digest", digest);
        row.put("steps", steps);
        row.put("starts", starts);
        row.put("ends", ends);
        row.put("regions", regions);
        // Most records name no establishment: no property at all rather than a list of blanks.
        row.put("institutions", anyInstitution ? institutions : null);
        row.put("passed", passed);
        return row;
    }

    /** A stored record's steps, in order. */
    public static List<Visit> visits(Record r) {
        List<String> steps = r.get("steps").asList(v -> v.asString());
        List<Long> starts = r.get("starts").asList(v -> v.asLong());
        List<Long> ends = r.get("ends").asList(v -> v.asLong());
        List<String> regions = r.get("regions").asList(v -> v.asString());
        List<String> institutions = r.get("institutions").isNull()
                ? List.of()
                : r.get("institutions").asList(v -> v.asString());
        List<Visit> visits = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            visits.add(new Visit(
                    steps.get(i),
                    starts.get(i).intValue(),
                    ends.get(i).intValue(),
                    regions.get(i),
                    i < institutions.size() ? institutions.get(i) : ""));
        }
        return visits;
    }
}
