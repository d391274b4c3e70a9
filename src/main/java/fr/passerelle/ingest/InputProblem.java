package fr.passerelle.ingest;

/** Why a line (or a person's rows) was not imported, and where: printed as {@code file:line: reason}. */
public record InputProblem(String origin, String reason) {
    @Override
    public String toString() {
        return origin + ": " + reason;
    }

    /** Quotes a bad value for a message without echoing more than a few characters of it. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "\"" + v.replace("\n", " ") + "\"";
    }
}
