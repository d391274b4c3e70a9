package fr.passerelle.recommend;

/**
 * What stands behind an answer: the dataset version it was computed on, the thresholds applied and
 * the {@code cypher/} file that computed it, so an analyst can re-run the same query.
 */
public record Evidence(long datasetVersion, int k, int minDenominator, String query, String generatedAt) {}
