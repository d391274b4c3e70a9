package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;

/**
 * One destination: {@code people} (always >= k), {@code share} of the people who left the step (null
 * when that denominator is below the minimum), and two medians (each null when fewer than k people
 * have the dates): {@code medianMonthsAfterEnd}, from the end of the step to the start of the next
 * (the wait people mean: "a job 3 months after the BTS"; 0 when the next began before the end), and
 * {@code medianMonthsStartToStart}, from the start of the step to the start of the next (the time
 * spent at the step included). {@code medianMonths} is the start-to-start figure under its old name,
 * kept for the apps that read it.
 */
public record NextStep(
        StepRef step,
        long people,
        Share share,
        Integer medianMonthsAfterEnd,
        Integer medianMonthsStartToStart,
        @Deprecated Integer medianMonths) {
    NextStep(StepRef step, long people, Share share, Integer afterEnd, Integer startToStart) {
        this(step, people, share, afterEnd, startToStart, startToStart);
    }
}
