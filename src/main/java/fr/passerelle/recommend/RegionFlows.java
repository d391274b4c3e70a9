package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * First jobs against the region people were trained in, for one region and education level: the people
 * trained there (their last education step before their first job) and where they took that job, and the
 * people whose first job was there and where they were trained. Every count from the release; each class
 * is counted from records, so none is a difference of two released counts.
 *
 * @param level the education level (3 CAP ... 8 doctorate), 0 for every level
 * @param trainedHere null when fewer than k people (see reasons)
 * @param workingHere null when fewer than k people (see reasons)
 */
public record RegionFlows(
        String region,
        String name,
        int level,
        String levelLabel,
        Side trainedHere,
        Side workingHere,
        Map<String, String> reasons,
        Evidence evidence) {

    /**
     * One side of the region's first jobs.
     *
     * @param people the people with a first job on this side
     * @param sameRegion of them, trained and first employed in this region (the same people from either side)
     * @param otherRegion of them, with the other end in another region
     * @param regionUnknown of them, with the other end's region not collected
     * @param regions the other regions, each with its share of {@code otherRegion}
     */
    public record Side(long people, Part sameRegion, Part otherRegion, Part regionUnknown, List<OtherRegion> regions) {}

    public record Part(long people, Share share) {}

    public record OtherRegion(String region, String name, long people, Share share) {}
}
