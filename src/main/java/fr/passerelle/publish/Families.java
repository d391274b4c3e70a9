package fr.passerelle.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups a programme is compared with (Orion's "same level" benchmark, La Bonne Formation's
 * fallback groups): the education steps of its level and professional field ({@code field}), of its
 * level and grand domain ({@code domain}), and of its level ({@code level}). Built once per publication
 * from the catalogue's columns; a step without a level belongs to none, one without a field or domain
 * to the wider groups only. The family tables count people from their records, once per family (the
 * first step of the family they left), never as a sum of the steps' released cells.
 */
final class Families {
    /** The groups, narrowest first. */
    static final List<String> GROUPS = List.of("field", "domain", "level");

    /** One family: its group, the level and the field or domain code ({@code null} for a level), its steps. */
    record Family(String name, String group, long level, String code, List<String> steps) {}

    private final List<Family> families = new ArrayList<>();
    private final int[][] ofStep;
    /** Each step's education level, 0 when it has none. */
    private final int[] stepLevels;

    Families(List<Publisher.Step> steps) {
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        ofStep = new int[steps.size()][];
        stepLevels = new int[steps.size()];
        for (int s = 0; s < steps.size(); s++) {
            Publisher.Step step = steps.get(s);
            if (!"education".equals(step.kind()) || step.level() == null) {
                ofStep[s] = new int[0];
                continue;
            }
            List<Integer> of = new ArrayList<>();
            for (String group : GROUPS) {
                String code = switch (group) {
                    case "field" -> step.field();
                    case "domain" -> step.domain();
                    default -> null;
                };
                if (!group.equals("level") && (code == null || code.isBlank())) {
                    continue;
                }
                String name = group + ":" + step.level() + (code == null ? "" : ":" + code);
                Integer f = index.get(name);
                if (f == null) {
                    f = index.size();
                    index.put(name, f);
                    members.put(name, new ArrayList<>());
                    families.add(null);
                }
                members.get(name).add(step.id());
                of.add(f);
            }
            ofStep[s] = of.stream().mapToInt(Integer::intValue).toArray();
            stepLevels[s] = Math.toIntExact(step.level());
        }
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            String[] parts = e.getKey().split(":", 3);
            families.set(
                    e.getValue(),
                    new Family(
                            e.getKey(),
                            parts[0],
                            Long.parseLong(parts[1]),
                            parts.length > 2 ? parts[2] : null,
                            List.copyOf(members.get(e.getKey()))));
        }
    }

    private Families() {
        ofStep = new int[0][];
        stepLevels = new int[0];
    }

    /** The education level of each of the {@code count} steps (0: none, or not an education step). */
    int[] levels(int count) {
        return java.util.Arrays.copyOf(stepLevels, count);
    }

    /** Whether {@code family} is a level's (group {@code level}). */
    boolean isLevel(int family) {
        return families.get(family).group().equals("level");
    }

    /** No step has a family: nothing to count. */
    static Families none() {
        return new Families();
    }

    int size() {
        return families.size();
    }

    Family get(int family) {
        return families.get(family);
    }

    /** The families of step {@code step}, narrowest first (empty when none). */
    int[] of(int step) {
        return step < ofStep.length ? ofStep[step] : new int[0];
    }
}
