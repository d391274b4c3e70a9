package fr.passerelle.recommend;

/**
 * Does a step open doors or channel its people? From the released next steps only: the normalised entropy of the
 * listed destinations' people (1: spread evenly over them, 0: all to one) and its exponential, the effective
 * number of next steps ("as if spread evenly over 4.2 next steps"), which is what the reading is judged on: an
 * index alone rates two even destinations as open as thirty.
 *
 * @param index the entropy of the listed destinations over the log of their number, null with fewer than two
 * @param effectiveNextSteps the exponential of that entropy, null without a listed destination
 * @param nextSteps how many next steps are listed (each with at least k people)
 * @param peopleLeaving the step's released leavers for a next step
 * @param reading {@code opens} (5 or more effective next steps), {@code some} (2.5 to 5) or {@code channels}
 *     (under 2.5); null without a listed destination
 * @param basis the rule in words
 */
public record Openness(
        Double index, Double effectiveNextSteps, int nextSteps, Long peopleLeaving, String reading, String basis) {

    static final String BASIS =
            "entropy of the released next steps' people (each at least k), destinations too small to"
                    + " list left out; effective next steps = exp(entropy); opens from 5, some from 2.5, channels below";

    /** The openness of a step from its released next steps (no filter, no path). */
    static Openness of(NextSteps next) {
        long total = 0;
        for (NextStep n : next.next()) {
            total += n.people();
        }
        int n = next.next().size();
        if (n == 0 || total == 0) {
            return new Openness(null, null, 0, next.peopleLeaving(), null, BASIS);
        }
        double entropy = 0;
        for (NextStep s : next.next()) {
            double p = (double) s.people() / total;
            entropy -= p * Math.log(p);
        }
        double effective = Math.exp(entropy);
        Double index = n < 2 ? null : round(entropy / Math.log(n));
        String reading = effective >= 5 ? "opens" : effective >= 2.5 ? "some" : "channels";
        return new Openness(index, round(effective), n, next.peopleLeaving(), reading, BASIS);
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
