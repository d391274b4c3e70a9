/**
 * Answers with evidence: each service method runs named queries from {@code cypher/queries/}, applies
 * the disclosure thresholds (no count below k, no share on a denominator below the minimum,
 * complementary suppression) and returns records that carry an {@link fr.passerelle.recommend.Evidence}.
 */
package fr.passerelle.recommend;
