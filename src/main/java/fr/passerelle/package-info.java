/**
 * Passerelle: a privacy-first pathway recommendation engine over a Neo4j graph of anonymised
 * trajectories.
 *
 * <p>Where things are: {@code ingest} reads and normalises trajectories and writes them to the graph;
 * {@code privacy} holds the keyed pseudonym and the disclosure thresholds; {@code catalog} the steps
 * (diplomas, jobs) and reference tables; {@code graph} the database connection and the named Cypher
 * files; {@code recommend} the services that answer questions; {@code api} the HTTP routes;
 * {@code demo} the synthetic population; {@code cli} the command line.
 */
package fr.passerelle;
