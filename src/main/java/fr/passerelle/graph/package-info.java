/**
 * The database: an in-process Neo4j ({@link fr.passerelle.graph.EmbeddedNeo4j}) or an external one,
 * always reached through the Bolt driver ({@link fr.passerelle.graph.Database}), and the Cypher
 * statements, loaded by name from the project's {@code cypher/} folder ({@link fr.passerelle.graph.Cypher}).
 */
package fr.passerelle.graph;
