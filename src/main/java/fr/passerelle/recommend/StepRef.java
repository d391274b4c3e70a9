package fr.passerelle.recommend;

/** A step as answers name it. */
public record StepRef(String id, String kind, String label, String domain) {}
