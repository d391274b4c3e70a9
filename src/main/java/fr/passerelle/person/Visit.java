package fr.passerelle.person;

/**
 * One step of a normalised trajectory. Dates are months counted from year 0 ({@code year * 12 +
 * month - 1}), or -1 when unknown; {@code region} is an INSEE region code or "" when unknown.
 */
public record Visit(String step, int start, int end, String region) {
    public static final int UNKNOWN = -1;

    public static String format(int month) {
        return month == UNKNOWN ? null : String.format("%04d-%02d", month / 12, month % 12 + 1);
    }
}
