package fr.passerelle.recommend;

import java.util.List;

/**
 * The answer to a search: the steps found, best first; {@code didYouMean} when a word was corrected
 * to find them (null otherwise); {@code reason} when none was found (null otherwise).
 */
public record StepMatches(String query, List<StepSummary> steps, String didYouMean, String reason) {}
