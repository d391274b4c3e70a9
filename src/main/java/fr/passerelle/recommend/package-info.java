/**
 * Answers with evidence: each service method runs named queries from {@code cypher/queries/} on the
 * release graph (never the person layer), combines released cells only (the rest of a breakdown is
 * given when at least k) and returns records that carry an {@link fr.passerelle.recommend.Evidence}.
 */
package fr.passerelle.recommend;
