/**
 * Answers with evidence: each service method runs named queries from {@code cypher/queries/} on the
 * release graph (never the person layer), combines released cells only (the rest of a breakdown is
 * given when at least k) and returns records that carry an {@link fr.passerelle.recommend.Evidence}
 * and, for every figure withheld or list left empty, its reason ({@link fr.passerelle.recommend.Reasons}).
 * Search ({@link fr.passerelle.recommend.StepSearch}) finds released steps from what people type.
 */
package fr.passerelle.recommend;
