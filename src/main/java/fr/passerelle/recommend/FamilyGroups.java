package fr.passerelle.recommend;

import fr.passerelle.catalog.Domains;
import fr.passerelle.graph.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The released families of a step (its level and professional field, its level and grand domain,
 * its level), narrowest first, with what became of their leavers: what {@code /benchmark} sets a
 * programme beside and what {@code /outcomes} falls back to when the programme alone is too thin.
 */
final class FamilyGroups {
    private FamilyGroups() {}

    static List<Benchmark.Group> of(Reads reads, String step, int months, Domains domains) {
        Map<String, List<Row>> byFamily = new LinkedHashMap<>();
        for (Row r : reads.read("queries/benchmark", StepService.params("step", step, "months", months), r -> r)) {
            byFamily.computeIfAbsent(r.get("family").asString(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Benchmark.Group> families = new ArrayList<>();
        for (List<Row> rows : byFamily.values()) {
            Row first = rows.get(0);
            Map<String, Benchmark.Figure> figures = new LinkedHashMap<>();
            for (Row r : rows) {
                figures.put(
                        r.get("situation").asString(),
                        new Benchmark.Figure(r.get("situationPeople").asLong(), StepService.share(r)));
            }
            String group = first.get("group").asString();
            families.add(new Benchmark.Group(
                    group,
                    first.get("family").asString(),
                    label(group, first.get("level").asLong(), first.text("code"), domains),
                    null,
                    first.get("steps").asInt(),
                    first.count("people"),
                    figures.get("job"),
                    figures.get("study"),
                    figures.get("other")));
        }
        return families;
    }

    private static final Map<Long, String> LEVELS = Map.of(
            3L, "niveau 3 (CAP, BEP)",
            4L, "niveau 4 (baccalauréat)",
            5L, "niveau 5 (bac + 2)",
            6L, "niveau 6 (bac + 3)",
            7L, "niveau 7 (bac + 5)",
            8L, "niveau 8 (doctorat)");

    /** An education level in words ("niveau 5 (bac + 2)"). */
    static String levelLabel(long level) {
        return LEVELS.getOrDefault(level, "niveau " + level);
    }

    private static String label(String group, long level, String code, Domains domains) {
        String l = levelLabel(level);
        return switch (group) {
            case "field" -> "Formations de " + l + ", domaine professionnel " + code;
            case "domain" -> "Formations de " + l + ", " + domains.label(code);
            default -> "Toutes les formations de " + l;
        };
    }
}
