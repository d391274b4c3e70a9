/**
 * Passerelle: a privacy-first pathway recommendation engine over a Neo4j graph of anonymised
 * trajectories. {@code docs/ARCHITECTURE.md} draws what runs and how an answer and an import flow.
 *
 * <p>Where things are, from the edge inwards:
 * {@code cli} parses the command line (one class per command) into {@code app}, the composition
 * root ({@code Settings}, {@code Environment}, {@code Server});
 * {@code api} the HTTP routes by feature ({@code RouteTable} lists them all) and the trainers' page;
 * {@code recommend} the services that answer, from the release only;
 * {@code publish} builds the release (the only numbers that ever leave) and serves it read-only;
 * {@code analyst} the analysts' read-only Neo4j with Browser, its guide and CSV export;
 * {@code ingest} reads, normalises and pseudonymises trajectories and writes person records;
 * {@code collect} reads public profile pages politely; {@code mapping} turns written titles into codes;
 * {@code lifecycle} erasure, retention and key rotation; {@code person} the stored person records;
 * {@code privacy} the keyed pseudonym, record keys, thresholds, noise, register and notice;
 * {@code catalog} steps, regions, domains; {@code graph} Neo4j (embedded or external), named Cypher
 * files and checked rows; {@code files} folders the application removes whole, and CSV;
 * {@code texts} the server's texts per language (notice, register, guide) as resource files;
 * {@code demo} the synthetic population; {@code eval} quality measured on real sequences.
 */
package fr.passerelle;
