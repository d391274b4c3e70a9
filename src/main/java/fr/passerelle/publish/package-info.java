/**
 * The release: every number any reader sees, built at each publication from the person records as a
 * finite catalogue of tables ({@link fr.passerelle.publish.ReleaseCatalogue}), each cell perturbed by
 * the cell-key method; written as CSV files with the Cypher script that loads them
 * ({@code cypher/published/}), and served read-only to the API ({@link fr.passerelle.publish.ReleaseApi})
 * and to analysts from stores that hold nothing else ({@link fr.passerelle.publish.ReleaseStore}).
 */
package fr.passerelle.publish;
