/**
 * The published layer: the k-anonymous snapshot of the graph (steps, transitions, paths, regions,
 * outcomes) that analysts and open data get, written as CSV files with the Cypher script that loads
 * them ({@code cypher/published/}).
 */
package fr.passerelle.publish;
