/**
 * A synthetic population for demos, tests and benchmarks: realistic French trajectories walked over
 * the catalogue and the flows in {@code import/demo-flows.csv}, deterministic by seed.
 */
package fr.passerelle.demo;
