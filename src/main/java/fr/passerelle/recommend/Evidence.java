package fr.passerelle.recommend;

/**
 * What stands behind an answer: the release version it was read from, the thresholds applied, the
 * {@code cypher/} files that ran (so an analyst can re-run them), and when the release's figures
 * were computed ({@code generatedAt}, its publication): one release, one answer, on every server.
 * {@code synthetic}: the release holds invented demo people only (never to be read as real figures).
 */
public record Evidence(
        long datasetVersion, int k, int minDenominator, String query, String generatedAt, boolean synthetic) {}
