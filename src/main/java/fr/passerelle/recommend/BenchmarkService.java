package fr.passerelle.recommend;

import fr.passerelle.catalog.Domains;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /benchmark}: a programme beside its family, its similar steps and its level, from the release. */
public final class BenchmarkService {
    static final int SIMILAR = 5;

    private final StepService steps;
    private final OutcomeService outcomes;
    private final SimilarityService similarity;
    private final Thresholds thresholds;
    private final Domains domains = Domains.bundled();

    public BenchmarkService(StepService steps, OutcomeService outcomes, SimilarityService similarity) {
        this.steps = steps;
        this.outcomes = outcomes;
        this.similarity = similarity;
        this.thresholds = steps.thresholds();
    }

    public Benchmark benchmark(String id, int months) {
        Reads reads = steps.reads();
        StepService.KnownStep s = steps.findStep(reads, id);
        Benchmark.Group self = ofStep(id, months);
        List<Benchmark.Group> families = FamilyGroups.of(reads, id, months, domains);
        List<Benchmark.Group> similar = new ArrayList<>();
        for (SimilarSteps.Similar other : similarity.similar(id, 20).similar()) {
            Benchmark.Group g = ofStep(other.step().id(), months);
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

    /** The step's own figures, from its released outcomes (job: the sum of the released job domains). */
    private Benchmark.Group ofStep(String id, int months) {
        Outcomes o = outcomes.outcomes(id, List.of(months));
        Outcomes.AtMonths at = o.outcomes().get(0);
        long job = 0;
        boolean anyJob = false;
        Benchmark.Figure study = null;
        Benchmark.Figure other = null;
        for (Outcomes.Situation x : at.situations()) {
            switch (x.situation()) {
                case "job" -> {
                    job += x.people();
                    anyJob = true;
                }
                case "study" -> study = new Benchmark.Figure(x.people(), x.share());
                default -> other = new Benchmark.Figure(x.people(), x.share());
            }
        }
        Benchmark.Figure jobs = anyJob ? new Benchmark.Figure(job, thresholds.share(job, at.people())) : null;
        return new Benchmark.Group(
                "step", o.step().id(), o.step().label(), o.step(), 1, at.people(), jobs, study, other);
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
