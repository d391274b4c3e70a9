package fr.passerelle.recommend;

/**
 * What stands behind an answer: the release version it was read from, the thresholds applied, the
 * {@code cypher/} files that ran (so an analyst can re-run them), and when the release's figures
 * were computed ({@code generatedAt}, its publication): one release, one answer, on every server.
 * {@code synthetic}: the release holds invented demo people only (never to be read as real figures).
 * {@code countsWithin}: every count is within this many people of the true count (cell-key noise),
 * and {@code noise} says so in a sentence.
 */
public record Evidence(
        long datasetVersion,
        int k,
        int minDenominator,
        String query,
        String generatedAt,
        boolean synthetic,
        Integer countsWithin,
        String noise) {
    /** The sentence for counts within {@code within} of the truth, parts fitted within their whole. */
    static String noiseSentence(Integer within, int k) {
        if (within == null) {
            return "every count is slightly noisy (cell-key noise); no count under " + k + " is shown";
        }
        return "every count is within ±" + within + " of the true count (cell-key noise, the same for the same"
                + " people in every answer); no count under " + k + " is shown; listed parts never add up to more"
                + " than their whole";
    }
}
