package fr.passerelle.ingest;

/**
 * A step as read from a file, before validation. Values are strings or null. {@code institution} is the
 * establishment's UAI code, kept on education steps only.
 */
public record RawStep(String kind, String code, String start, String end, String region, String institution) {
    /** A step without an establishment. */
    public RawStep(String kind, String code, String start, String end, String region) {
        this(kind, code, start, end, region, null);
    }
}
