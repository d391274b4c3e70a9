/**
 * The server's texts in French and English (the privacy notice, the processing register, the
 * analysts' guide, the release's table descriptions), kept as files under
 * {@code src/main/resources/texts/}, one per language, so wording is edited and translated without
 * touching code. One mechanism: Mustache templates, HTML-escaped for pages, plain for the register.
 */
package fr.passerelle.texts;
