package fr.passerelle.recommend;

import java.util.List;

/** The most common changes of field from a job, each with the steps people took in between; every number from the release. */
public record Reconversions(
        StepRef step, int maxSteps, List<Change> changes, java.util.Map<String, String> reasons, Evidence evidence) {
    /** People who moved to a job of another ROME domain, and how ({@code hiddenPeople}: by routes not released, when at least k). */
    public record Change(String toDomain, String toDomainLabel, long people, List<Via> via, Long hiddenPeople) {}

    /** The steps between the job and the new field; empty for a direct move. */
    public record Via(List<StepRef> bridge, long people) {}
}
