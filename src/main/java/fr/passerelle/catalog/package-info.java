/**
 * What a step can be: the catalogue of diplomas, programmes, jobs (ROME codes) and other situations
 * that trajectories refer to ({@link fr.passerelle.catalog.Catalogue}), the coarse regions kept at
 * ingestion ({@link fr.passerelle.catalog.Regions}) and the accent- and case-folding used to search
 * them ({@link fr.passerelle.catalog.Folding}).
 */
package fr.passerelle.catalog;
