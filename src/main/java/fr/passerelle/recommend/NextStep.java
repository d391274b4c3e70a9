package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;

/**
 * One destination: {@code people} (always >= k), {@code share} of the people who left the step (null
 * when that denominator is below the minimum), median months from the start of one step to the start
 * of the next (null when too few people have dates).
 */
public record NextStep(StepRef step, long people, Share share, Integer medianMonths) {}
