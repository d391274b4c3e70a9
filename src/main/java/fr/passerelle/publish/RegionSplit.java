package fr.passerelle.publish;

import fr.passerelle.privacy.Share;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * A released whole split by where its other end is (the same region, another one, an unknown one), with the
 * other regions named: how mobility (a step's leavers in a job) and first-job flows write their rows. The
 * classes are already fitted within the whole and the named regions within "other".
 */
final class RegionSplit {
    /** The three classes, in the order of {@code parts}. */
    static final List<String> CLASSES = List.of("same", "other", "unknown");

    private RegionSplit() {}

    /**
     * Writes the {@code prefix} columns, the whole, then kind, the named region, people, share, shareLow and
     * shareHigh for each released class (its share of the whole) and each named region (kind {@code namedKind},
     * its share of "other"); from an unknown region the whole is its unknown part. Returns the rows written.
     */
    static int write(
            CSVPrinter out,
            List<Object> prefix,
            boolean unknownRegion,
            long whole,
            Long[] parts,
            Map<Integer, Long> named,
            String namedKind,
            List<String> regionCodes,
            ReleasedValues values)
            throws IOException {
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
