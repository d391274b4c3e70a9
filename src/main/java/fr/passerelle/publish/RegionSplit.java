package fr.passerelle.publish;

import fr.passerelle.privacy.Share;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * A released whole split by where its other end is (the same region, another one, an unknown one), with the
 * other regions named: how mobility (a step's leavers in a job) and first-job flows fit and write their rows
 * (the named regions within "other", the classes within the whole).
 */
final class RegionSplit {
    /** The three classes, in the order of {@code parts}. */
    static final List<String> CLASSES = List.of("same", "other", "unknown");

    private RegionSplit() {}

    /** A split table's file: {@code prefix} columns naming the whole, then the columns {@link #write} fills. */
    static CSVPrinter printer(java.nio.file.Path file, String wholeColumn, String namedColumn, String... prefix)
            throws IOException {
        List<String> header = new ArrayList<>(List.of(prefix));
        header.addAll(List.of(wholeColumn, "kind", namedColumn, "people", "share", "shareLow", "shareHigh"));
        return Publisher.printer(file, header.toArray(String[]::new));
    }

    /**
     * Fits the named regions within "other" and the released classes within {@code released} (the whole as
     * released: nothing is written when it is withheld), then writes the {@code prefix} columns, the whole, and
     * kind, the named region, people, share, shareLow and shareHigh for each released class (its share of the
     * whole) and each named region (kind {@code namedKind}, its share of "other"); from an unknown region the
     * whole is its unknown part. Returns the rows written.
     */
    static int write(
            CSVPrinter out,
            List<Object> prefix,
            boolean unknownRegion,
            Long released,
            Long[] parts,
            Map<Integer, Long> named,
            String namedKind,
            List<String> regionCodes,
            ReleasedValues values)
            throws IOException {
        parts[1] = PartsWithinWhole.fit(parts[1], named.values().toArray(Long[]::new));
        Long whole = PartsWithinWhole.fit(released, parts);
        if (whole == null) {
            return 0;
        }
        if (unknownRegion) {
            // Nobody there has a known other end: the whole is the unknown part (one value, not two draws).
            parts[2] = whole;
        }
        List<Object[]> lines = new ArrayList<>();
        for (int c = 0; c < CLASSES.size(); c++) {
            if (parts[c] != null) {
                lines.add(new Object[] {CLASSES.get(c), null, parts[c], values.share(parts[c], whole)});
            }
        }
        for (Map.Entry<Integer, Long> d : named.entrySet()) {
            lines.add(new Object[] {
                namedKind, regionCodes.get(d.getKey()), d.getValue(), values.share(d.getValue(), parts[1])
            });
        }
        for (Object[] l : lines) {
            Share share = (Share) l[3];
            List<Object> row = new ArrayList<>(prefix);
            row.addAll(java.util.Arrays.asList(
                    whole,
                    l[0],
                    l[1],
                    l[2],
                    share == null ? null : share.value(),
                    share == null ? null : share.low(),
                    share == null ? null : share.high()));
            out.printRecord(row);
        }
        return lines.size();
    }
}
