/**
 * The release: every number any reader sees, built at each publication from the person records as a
 * finite catalogue of tables ({@link fr.passerelle.publish.ReleaseCatalogue}), each cell perturbed by
 * the cell-key method; written as CSV files with the Cypher script that loads them
 * ({@code cypher/published/}), and served read-only to the API ({@link fr.passerelle.publish.ReleaseApi})
 * and to analysts from stores that hold nothing else ({@link fr.passerelle.publish.ReleaseStore}).
 * Its history: a release goes out only when the publication policy says so
 * ({@link fr.passerelle.publish.Releases}, {@link fr.passerelle.publish.PublicationPolicy}), and a
 * released value stays as it was until several people changed in its cell
 * ({@link fr.passerelle.publish.StableValues}), so that no diff of two releases singles anyone out.
 * Released parts add up: every whole is raised to its released parts' sum
 * ({@link fr.passerelle.publish.PartsWithinWhole}).
 */
package fr.passerelle.publish;
