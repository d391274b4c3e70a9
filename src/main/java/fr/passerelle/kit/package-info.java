/**
 * The trainers' offline kit ({@code passerelle kit --out DIR}): a folder a trainer copies to a USB key and opens from
 * {@code file://} with no network and no server. {@link fr.passerelle.kit.Kit} writes it from one release: the session
 * plans, the privacy lab, the notice, and per step an A4 handout whose figures ({@link fr.passerelle.kit.Figure}, also
 * as SVG files) each carry the release version, the people behind them and the noise sentence.
 */
package fr.passerelle.kit;
