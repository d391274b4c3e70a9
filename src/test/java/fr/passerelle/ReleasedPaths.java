package fr.passerelle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.publish.CellName;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the release publishes for paths, computed apart from the publisher from the test's own
 * population (JSON Lines of source "test"): each path's people and leavers as count + noise
 * ({@link Fixtures#released}), then fitted as the release fits them: a path's leavers never below its
 * released continuations added up, its people never below its leavers, a step's people never below
 * the released transitions into it added up.
 */
public final class ReleasedPaths {
    private final Map<List<String>, Set<String>> people = new HashMap<>();
    private final Map<List<String>, Set<String>> leaving = new HashMap<>();
    private final Map<List<String>, Long> fittedPeople = new HashMap<>();
    private final Map<List<String>, Long> fittedLeaving = new HashMap<>();

    public ReleasedPaths(List<String> lines) {
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode person;
            try {
                person = json.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            List<String> steps = new ArrayList<>();
            person.get("steps").forEach(s -> steps.add(s.get("code").asText()));
            String id = person.get("id").asText();
            for (int i = 0; i < steps.size(); i++) {
                for (int len = 1; len <= 5 && i + len <= steps.size(); len++) {
                    List<String> path = List.copyOf(steps.subList(i, i + len));
                    people.computeIfAbsent(path, k -> new LinkedHashSet<>()).add(id);
                    if (i + len < steps.size()) {
                        leaving.computeIfAbsent(path, k -> new LinkedHashSet<>())
                                .add(id);
                    }
                }
            }
        }
    }

    private static Long raw(String cell, Set<String> ids) {
        return ids == null || ids.isEmpty() ? null : Fixtures.released(cell, List.copyOf(ids));
    }

    /** The released leavers of {@code path}, as fitted. */
    public Long leaving(List<String> path) {
        if (fittedLeaving.containsKey(path)) {
            return fittedLeaving.get(path);
        }
        Long own = raw(CellName.leaving(path), leaving.get(path));
        Long all = raw(CellName.path(path), people.get(path));
        Long value = own == null || all == null ? own : Long.valueOf(Math.min(own, all));
        if (value != null && path.size() < 5) {
            long continuing = 0;
            for (List<String> p : people.keySet()) {
                if (p.size() == path.size() + 1 && p.subList(0, path.size()).equals(path)) {
                    Long c = people(p);
                    continuing += c == null ? 0 : c;
                }
            }
            value = Math.max(value, continuing);
        }
        fittedLeaving.put(path, value);
        return value;
    }

    /** The released people of {@code path}, as fitted. */
    public Long people(List<String> path) {
        if (fittedPeople.containsKey(path)) {
            return fittedPeople.get(path);
        }
        Long value = raw(CellName.path(path), people.get(path));
        if (value != null) {
            Long left = leaving(path);
            value = Math.max(value, left == null ? 0 : left);
            if (path.size() == 1) {
                long arriving = 0;
                for (List<String> p : people.keySet()) {
                    if (p.size() == 2 && p.get(1).equals(path.get(0))) {
                        Long c = people(p);
                        arriving += c == null ? 0 : c;
                    }
                }
                value = Math.max(value, arriving);
            }
        }
        fittedPeople.put(path, value);
        return value;
    }
}
