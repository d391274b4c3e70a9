package fr.passerelle.catalog;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * The jobs an education step's certification prepares for: the ROME codes of Certif Info's "lien
 * théorique" (diploma -> up to 5 ROME codes) or of the RNCP card, for the certifications named in the
 * catalogue's {@code certifications} column. What a programme promises, set against what became of
 * its people by {@code GET /api/steps/{code}/fit}.
 *
 * @param certifications the Certif Info diploma codes ({@code 64144}) or RNCP codes ({@code RNCP35340})
 *     the step stands for; several when the step covers a diploma's options or parcours
 * @param romeCodes the target ROME codes, in the sources' order, without repeats
 * @param source where the list came from, in words: file, certification codes and their official titles
 */
public record TargetJobs(List<String> certifications, List<String> romeCodes, String source) {
    public static final TargetJobs NONE = new TargetJobs(List.of(), List.of(), "");

    public TargetJobs {
        certifications = List.copyOf(certifications);
        romeCodes = List.copyOf(romeCodes);
        source = source == null ? "" : source;
    }

    public boolean isEmpty() {
        return romeCodes.isEmpty();
    }

    /** The optional catalogue columns {@code certifications}, {@code targets} and {@code targets_source}. */
    static TargetJobs of(CSVRecord row, String where) {
        List<String> certifications = list(row, "certifications");
        List<String> targets = list(row, "targets");
        for (String code : targets) {
            if (!RomeCode.is(code)) {
                throw new IllegalArgumentException(where + ": targets: \"" + code + "\" is not a ROME code (A1101)");
            }
        }
        String source = row.isMapped("targets_source") && row.isSet("targets_source") ? row.get("targets_source") : "";
        return certifications.isEmpty() && targets.isEmpty() ? NONE : new TargetJobs(certifications, targets, source);
    }

    static List<String> list(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return List.of();
        }
        return Arrays.stream(row.get(column).split("\\|"))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList();
    }
}
