package fr.passerelle.person;

/**
 * One step of a normalised trajectory. Dates are months counted from year 0 ({@code year * 12 +
 * month - 1}), or -1 when unknown; {@code region} is an INSEE region code or "" when unknown;
 * {@code institution} is the establishment's UAI on an education step, or "".
 */
public record Visit(String step, int start, int end, String region, String institution) {
    public static final int UNKNOWN = -1;

    /** A step without an establishment. */
    public Visit(String step, int start, int end, String region) {
        this(step, start, end, region, "");
    }

    public static String format(int month) {
        return month == UNKNOWN ? null : String.format("%04d-%02d", month / 12, month % 12 + 1);
    }
}
