/**
 * What happens to person records after import: erasure (on request, opposition, withdrawn consent,
 * absence from the source) and retention purge ({@link fr.passerelle.lifecycle.Erasure}), and the
 * pseudonymisation key's rotation ({@link fr.passerelle.lifecycle.KeyRotation}). Their Cypher is in
 * {@code cypher/lifecycle/}.
 */
package fr.passerelle.lifecycle;
