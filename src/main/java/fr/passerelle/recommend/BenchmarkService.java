package fr.passerelle.recommend;

import fr.passerelle.catalog.Domains;
import fr.passerelle.graph.Row;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /benchmark}: a programme beside its family, its similar steps and its level, from the release. */
public final class BenchmarkService {
    static final int SIMILAR = 5;

    private final StepService steps;
    private final SimilarityService similarity;
    private final Thresholds thresholds;
    private final Domains domains = Domains.bundled();

    public BenchmarkService(StepService steps, SimilarityService similarity) {
        this.steps = steps;
        this.similarity = similarity;
        this.thresholds = steps.thresholds();
    }

    public Benchmark benchmark(String id, int months) {
        Reads reads = steps.reads();
        StepService.KnownStep s = steps.findStep(reads, id);
        // The step and its similar steps' outcomes in one read: an uncached answer is three queries, not twenty.
        List<SimilarSteps.Similar> others = similarity.similar(id, 20).similar();
        List<String> ids = new ArrayList<>();
        ids.add(id);
        others.forEach(o -> ids.add(o.step().id()));
        Map<String, List<Row>> rows = new java.util.HashMap<>();
        for (Row r :
                reads.read("queries/outcome-situations", StepService.params("steps", ids, "months", months), r -> r)) {
            rows.computeIfAbsent(r.get("step").asString(), k -> new ArrayList<>())
                    .add(r);
        }
        Benchmark.Group self = ofStep(s.ref(), rows.getOrDefault(id, List.of()));
        List<Benchmark.Group> families = FamilyGroups.of(reads, id, months, domains);
        List<Benchmark.Group> similar = new ArrayList<>();
        for (SimilarSteps.Similar other : others) {
            Benchmark.Group g =
                    ofStep(other.step(), rows.getOrDefault(other.step().id(), List.of()));
            if (g.people() != null) {
                similar.add(g);
            }
            if (similar.size() == SIMILAR) {
                break;
            }
        }
        Benchmark.Group level = families.stream()
                .filter(f -> f.group().equals("level"))
                .findFirst()
                .orElse(null);
        Benchmark.Position position = level == null ? null : position(self, level);
        Reasons reasons = new Reasons();
        if (self.people() == null) {
            reasons.put("self", Reasons.FEWER_THAN_K);
        }
        if (families.isEmpty()) {
            reasons.put("families", s.ref().kind().equals("education") ? Reasons.FEWER_THAN_K : NO_FAMILY);
        }
        if (position == null) {
            reasons.put("position", level == null ? "no released figure for the step's level" : Reasons.FEWER_THAN_K);
        } else if (position.employment() == null || position.study() == null) {
            reasons.put(
                    "position",
                    "a share of the step or of its level is withheld (" + Reasons.FEWER_THAN_K + " or "
                            + Reasons.DENOMINATOR_UNDER_MIN + ")");
        }
        if (similar.isEmpty()) {
            reasons.put("similar", "no similar step with released outcomes");
        }
        return new Benchmark(
                s.ref(),
                months,
                self,
                families,
                similar,
                position,
                reasons.asMap(),
                steps.evidence(reads, s.version()));
    }

    static final String NO_FAMILY = "no family: only education steps with a level are compared with a family";

    /** A step's own figures, from its released outcome rows (job: the sum of the released job domains). */
    private Benchmark.Group ofStep(StepRef step, List<Row> rows) {
        Long cohort = null;
        long job = 0;
        boolean anyJob = false;
        Benchmark.Figure study = null;
        Benchmark.Figure other = null;
        for (Row r : rows) {
            if (cohort == null) {
                cohort = r.count("cohort");
            }
            long people = r.get("people").asLong();
            switch (r.get("situation").asString()) {
                case "job" -> {
                    job += people;
                    anyJob = true;
                }
                case "study" -> study = new Benchmark.Figure(people, StepService.share(r));
                default -> other = new Benchmark.Figure(people, StepService.share(r));
            }
        }
        Benchmark.Figure jobs = anyJob ? new Benchmark.Figure(job, thresholds.share(job, cohort)) : null;
        return new Benchmark.Group("step", step.id(), step.label(), step, 1, cohort, jobs, study, other);
    }

    private static Benchmark.Position position(Benchmark.Group self, Benchmark.Group level) {
        String employment = compare(self.job(), level.job());
        String study = compare(self.study(), level.study());
        String quadrant = employment == null || study == null
                ? null
                : "Insertion dans l'emploi " + WORDS.get(employment) + " de son niveau, poursuite d'études "
                        + WORDS.get(study) + ".";
        return new Benchmark.Position(level.name(), employment, study, quadrant);
    }

    private static final Map<String, String> WORDS = Map.of(
            "above", "au-dessus de la moyenne", "close", "proche de la moyenne", "below", "en dessous de la moyenne");

    /** Above or below only when the step's whole 95% interval is on one side of the group's share. */
    private static String compare(Benchmark.Figure step, Benchmark.Figure group) {
        if (step == null || group == null || step.share() == null || group.share() == null) {
            return null;
        }
        Share s = step.share();
        double g = group.share().value();
        return s.low() > g ? "above" : s.high() < g ? "below" : "close";
    }
}
