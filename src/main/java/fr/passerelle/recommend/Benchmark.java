package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * A programme beside the groups it is judged against, {@code months} after the end (Orion's benchmark
 * against the level's mean, La Bonne Formation's wider groups): every figure from the release.
 *
 * @param step the programme, with its own figures in {@code self} (its released outcomes: job is the sum of
 *     the released job domains, so people in a withheld domain are in none of the three)
 * @param families its level and professional field, its level and grand domain, its level nationally,
 *     narrowest first, each counted from records (a person once per family), those released only
 * @param similar the steps most like it (where their people come from and go), with their own figures
 * @param position where the step stands against its level: {@code above}, {@code close} or {@code below} on
 *     employment and on further study, judged on the step's 95% interval against the level's share
 * @param reasons why a figure is null or a list empty, by field name
 */
public record Benchmark(
        StepRef step,
        int months,
        Group self,
        List<Group> families,
        List<Group> similar,
        Position position,
        Map<String, String> reasons,
        Evidence evidence) {

    /**
     * One group's leavers observed {@code months} after the end ({@code people}), in a job, in further
     * study or in another situation, each null when withheld; {@code group} is {@code step}, {@code field},
     * {@code domain} or {@code level}; {@code steps}, how many catalogue steps it holds.
     */
    public record Group(
            String group,
            String name,
            String label,
            StepRef step,
            int steps,
            Long people,
            Figure job,
            Figure study,
            Figure other) {}

    /** Released people and their share of the group (the share null under a denominator of 20). */
    public record Figure(long people, Share share) {}

    /**
     * {@code employment} and {@code study}: {@code above}, {@code close} or {@code below} the level's
     * share, null when either share is withheld; {@code quadrant}, the same in a French sentence.
     */
    public record Position(String against, String employment, String study, String quadrant) {}
}
