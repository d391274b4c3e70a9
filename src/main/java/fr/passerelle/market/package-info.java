/**
 * Labour-market notes on jobs, from public, non-personal files: the DARES / France Travail tension
 * indicators per job family (FAP 225) nationally and by region, joined to ROME codes through the DARES
 * crosswalk, and France Travail's national figures per ROME code (median salary, job seekers, offers).
 * They describe a job, never the people of a release; the publication ships them beside the release's
 * tables with their provenance ({@link fr.passerelle.market.MarketNotes}).
 */
package fr.passerelle.market;
