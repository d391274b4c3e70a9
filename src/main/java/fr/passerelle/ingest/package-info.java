/**
 * Ingestion: reading trajectories (JSON Lines or long CSV), minimising and pseudonymising them
 * ({@link fr.passerelle.ingest.Normaliser}), and writing them into the graph with exact, re-runnable
 * aggregates ({@link fr.passerelle.ingest.Importer}). Whatever is not a step, a month, a coarse region
 * or a source identifier (which only enters the pseudonym) is dropped at read time. Erasure,
 * retention and key rotation are in {@code lifecycle}; the stored records in {@code person}.
 */
package fr.passerelle.ingest;
