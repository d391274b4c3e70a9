/**
 * Quality measured, not assumed: {@link fr.passerelle.eval.NextStepEvaluation} holds out a fifth of
 * the people and scores how well each recommender predicts their real next steps;
 * {@link fr.passerelle.eval.MvadConverter} turns the real mvad school-to-work sequences into
 * Passerelle's input format for it.
 */
package fr.passerelle.eval;
