/**
 * Analysts: the read-only Neo4j instance holding a publication, served with Neo4j Browser, its
 * guide, and the export of analyst queries to CSV.
 */
package fr.passerelle.analyst;
