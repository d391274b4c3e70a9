package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * Where a step's leavers work {@code months} after its end, by the region they took it in: the share
 * working in that same region and in another one (retention), and the main regions they went to.
 * Every count from the release; each class is counted from records, so none is a difference of two
 * released counts.
 *
 * @param regions one entry per region of the step with released figures, the most people working first;
 *     {@code unknown} for the people whose region was not collected
 * @param reasons why a list is empty, by field name
 */
public record Mobility(
        StepRef step, int months, List<ByRegion> regions, Map<String, String> reasons, Evidence evidence) {

    /**
     * @param peopleWorking the step's leavers of that region in a job that long after its end
     * @param sameRegion of them, working in that region; {@code otherRegion}, in another; {@code regionUnknown},
     *     the job's region not collected (each null when withheld)
     * @param destinations where those in another region work, each with its share of {@code otherRegion}
     */
    public record ByRegion(
            String region,
            String name,
            long peopleWorking,
            Part sameRegion,
            Part otherRegion,
            Part regionUnknown,
            List<Destination> destinations) {}

    public record Part(long people, Share share) {}

    public record Destination(String region, String name, long people, Share share) {}
}
