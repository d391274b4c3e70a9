package fr.passerelle.recommend;

/** A search hit; {@code people} is null when fewer than k people passed through the step. */
public record StepSummary(String id, String kind, String label, String domain, Integer level, Long people) {}
