/**
 * Collection from public profile pages with jsoup: polite fetching (robots.txt, delays, limits),
 * structured data read into steps (schema.org, h-resume, site profiles), nothing else kept.
 */
package fr.passerelle.collect;
