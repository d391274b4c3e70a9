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

    private Csv() {}
}
