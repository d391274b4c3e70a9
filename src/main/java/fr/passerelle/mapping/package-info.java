/**
 * From the titles people write to official codes: ROME, RNCP and BCN references in their open-data
 * formats, a title matcher with confidences, and overrides.
 */
package fr.passerelle.mapping;
