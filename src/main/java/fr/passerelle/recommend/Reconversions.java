package fr.passerelle.recommend;

import java.util.List;

/** The most common changes of field from a job, each with the bridges people used. */
public record Reconversions(StepRef step, int maxSteps, List<Change> changes, int hiddenDomains, Evidence evidence) {

    /** People who moved to a job of another ROME domain, and how. */
    public record Change(String toDomain, String toDomainLabel, long people, List<Via> via, int hiddenBridges, Long hiddenPeople) {
    }

    /** The steps between the job and the new field; empty for a direct move. */
    public record Via(List<StepRef> bridge, long people) {
    }
}
