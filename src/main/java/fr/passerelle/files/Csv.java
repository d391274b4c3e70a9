package fr.passerelle.files;

import org.apache.commons.csv.CSVFormat;

/** The CSV dialect of every file Passerelle reads by column name: a header row, values trimmed. */
public final class Csv {
    /** Comma-separated, first row the header (not a record), spaces around values dropped. */
    public static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .get();

    /**
     * The official French open-data files (Certif Info, RNCP, InserJeunes, BCN): ';'-separated, a header row
     * that may have unnamed (and repeated empty) trailing columns, values trimmed.
     */
    public static final CSVFormat SEMICOLON_WITH_HEADER = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_EMPTY)
            .setTrim(true)
            .get();

    private Csv() {}
}
