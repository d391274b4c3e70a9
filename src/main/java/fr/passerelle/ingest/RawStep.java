package fr.passerelle.ingest;

/** A step as read from a file, before validation. Values are strings or null. */
public record RawStep(String kind, String code, String start, String end, String region) {}
