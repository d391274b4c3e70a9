package fr.passerelle.recommend;

import fr.passerelle.graph.Row;
import fr.passerelle.privacy.Share;
import fr.passerelle.privacy.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /fit} and {@code /fit/jobs}: a programme's target jobs against what became of its people, from the release. */
public final class FitService {
    /** How many similar steps and non-target jobs an answer lists. */
    static final int SIMILAR = 5;

    static final int OTHER_JOBS = 10;

    private final StepService steps;
    private final SimilarityService similarity;
    private final Thresholds thresholds;

    public FitService(StepService steps, SimilarityService similarity) {
        this.steps = steps;
        this.similarity = similarity;
        this.thresholds = steps.thresholds();
    }

    /** The fit row of one step (targets, cohort, people outside study, rate). */
    record Head(List<String> targets, String targetSource, Long cohort, Long outsideStudy, Share rate) {}

    static Head head(Reads reads, String id, int months) {
        List<Head> rows = reads.read(
                "queries/fit",
                StepService.params("step", id, "months", months),
                r -> new Head(
                        r.get("targets").asList(org.neo4j.driver.Value::asString),
                        r.text("targetSource"),
                        r.count("cohort"),
                        r.count("outsideStudy"),
                        StepService.share(r)));
        return rows.get(0);
    }

    public Fit fit(String id, int months) {
        Reads reads = steps.reads();
        StepService.KnownStep s = steps.findStep(reads, id);
        Map<String, StepRef> refs = steps.refs(reads, s.version());
        Head head = head(reads, id, months);
        List<Fit.Situation> situations = new ArrayList<>();
        for (Row r : reads.read("queries/fit-situations", StepService.params("step", id, "months", months), r -> r)) {
            String situation = r.get("situation").asString();
            situations.add(new Fit.Situation(
                    situation, Fit.LABELS.get(situation), r.get("people").asLong(), StepService.share(r)));
        }
        situations.sort(java.util.Comparator.comparingInt(x -> SITUATION_ORDER.indexOf(x.situation())));
        List<Fit.SimilarFit> similar = head.targets().isEmpty() ? List.of() : similarFits(reads, id, months, refs);
        Reasons reasons = new Reasons();
        if (head.targets().isEmpty()) {
            reasons.put("targets", NO_TARGETS);
            reasons.put("situations", NO_TARGETS);
            reasons.put("fitRate", NO_TARGETS);
        } else {
            if (head.cohort() == null) {
                reasons.put("people", Reasons.FEWER_THAN_K);
            }
            if (head.outsideStudy() == null) {
                reasons.put("peopleOutsideStudy", Reasons.FEWER_THAN_K);
            }
            if (situations.isEmpty()) {
                reasons.put("situations", Reasons.FEWER_THAN_K);
            }
            if (head.rate() == null) {
                reasons.put(
                        "fitRate",
                        head.outsideStudy() != null && head.outsideStudy() < thresholds.minDenominator()
                                ? "denominator under " + thresholds.minDenominator()
                                : Reasons.FEWER_THAN_K);
            }
            if (similar.isEmpty()) {
                reasons.put("similar", "no similar step with a released fit");
            }
        }
        return new Fit(
                s.ref(),
                months,
                targetJobs(head.targets(), refs),
                head.targetSource(),
                head.cohort(),
                head.outsideStudy(),
                situations,
                head.rate(),
                similar,
                Scope.asAsked("the step nationally, " + months + " months after its end"),
                reasons.asMap(),
                steps.evidence(reads, s.version()));
    }

    public FitJobs jobs(String id, int months) {
        Reads reads = steps.reads();
        StepService.KnownStep s = steps.findStep(reads, id);
        Map<String, StepRef> refs = steps.refs(reads, s.version());
        Head head = head(reads, id, months);
        List<FitJobs.HeldJob> observed = new ArrayList<>();
        List<FitJobs.HeldJob> others = new ArrayList<>();
        for (Row r : reads.read("queries/fit-jobs", StepService.params("step", id, "months", months), r -> r)) {
            StepRef job = refs.get(r.get("job").asString());
            if (job == null) {
                continue;
            }
            long people = r.get("people").asLong();
            FitJobs.HeldJob held = new FitJobs.HeldJob(
                    job, r.get("situation").asString(), people, thresholds.share(people, head.cohort()));
            if (held.situation().equals("target")) {
                observed.add(held);
            } else if (others.size() < OTHER_JOBS) {
                others.add(held);
            }
        }
        List<Fit.TargetJob> notObserved = targetJobs(head.targets(), refs).stream()
                .filter(t -> observed.stream().noneMatch(o -> o.job().id().equals(t.code())))
                .toList();
        Reasons reasons = new Reasons();
        if (head.targets().isEmpty()) {
            reasons.put("targetsObserved", NO_TARGETS);
        } else {
            if (head.cohort() == null) {
                reasons.put("people", Reasons.FEWER_THAN_K);
            }
            if (observed.isEmpty()) {
                reasons.put("targetsObserved", Reasons.FEWER_THAN_K);
            }
            if (!notObserved.isEmpty()) {
                reasons.put("targetsNotObserved", Reasons.FEWER_THAN_K);
            }
        }
        if (others.isEmpty()) {
            reasons.put("otherJobs", Reasons.FEWER_THAN_K);
        }
        return new FitJobs(
                s.ref(),
                months,
                head.cohort(),
                observed,
                notObserved,
                others,
                reasons.asMap(),
                steps.evidence(reads, s.version()));
    }

    static final String NO_TARGETS = "no target jobs: the catalogue names no certification for this step";

    /** The fit's situations in the order every answer lists them (an establishment's fit too). */
    static final List<String> SITUATION_ORDER =
            List.of("target", "sameField", "sameDomain", "otherDomain", "study", "other");

    static List<Fit.TargetJob> targetJobs(List<String> codes, Map<String, StepRef> refs) {
        return codes.stream()
                .map(c -> new Fit.TargetJob(c, refs.containsKey(c) ? refs.get(c).label() : null))
                .toList();
    }

    private List<Fit.SimilarFit> similarFits(Reads reads, String id, int months, Map<String, StepRef> refs) {
        List<String> ids = similarity.similar(id, 20).similar().stream()
                .map(x -> x.step().id())
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Fit.SimilarFit> byId = new LinkedHashMap<>();
        for (Row r : reads.read("queries/fit-rates", StepService.params("steps", ids, "months", months), r -> r)) {
            StepRef ref = refs.get(r.get("step").asString());
            if (ref != null && !r.get("share").isNull()) {
                byId.put(ref.id(), new Fit.SimilarFit(ref, r.count("outsideStudy"), StepService.share(r)));
            }
        }
        return ids.stream()
                .filter(byId::containsKey)
                .map(byId::get)
                .limit(SIMILAR)
                .toList();
    }
}
