package fr.passerelle.publish;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The name of every released cell: which table and which coordinates. A cell's key is the sum of
 * its people's record keys plus a number drawn from its name ({@link #salt}), so two cells of the
 * same people in different tables (everyone of a step in one region, say, and the step as a whole)
 * get independent noise: otherwise their difference would be exactly 0 where nobody else is, and
 * the one destination where it is not would single out the outsider (measured in AttackTest:
 * 62% right instead of about 37%). The same cell asked again still gets the same noise.
 */
public final class CellName {
    private CellName() {}

    /** People who followed these consecutive steps (one step: everyone who passed through it). */
    public static String path(List<String> steps) {
        return "path:" + String.join(";", steps);
    }

    /** The months of a path's last transition (the median "where next" after a path gives). */
    public static String lastHop(List<String> steps) {
        return "last-hop:" + String.join(";", steps);
    }

    /** Of those, the people who went on to another step. */
    public static String leaving(List<String> steps) {
        return "leaving:" + String.join(";", steps);
    }

    public static String arriving(String step) {
        return "in:" + step;
    }

    /** {@code dimension} is "region" or "period". */
    public static String slice(String dimension, String value, String step) {
        return dimension + ":" + value + ":" + step;
    }

    public static String sliceLeaving(String dimension, String value, String step) {
        return dimension + "-leaving:" + value + ":" + step;
    }

    public static String sliceNext(String dimension, String value, String from, String to) {
        return dimension + "-next:" + value + ":" + from + ";" + to;
    }

    public static String cohort(String step, int months) {
        return "cohort:" + step + ":" + months;
    }

    public static String outcome(String step, int months, String situation) {
        return "outcome:" + step + ":" + months + ":" + situation;
    }

    /** Leavers of a step in one situation against its target jobs ({@code target}, {@code sameField}...). */
    public static String fit(String step, int months, String situation) {
        return "fit:" + step + ":" + months + ":" + situation;
    }

    /** Leavers of a step observed that long and not in further study: the fit rate's denominator. */
    public static String fitOutsideStudy(String step, int months) {
        return "fit-outside-study:" + step + ":" + months;
    }

    public static String fitJob(String step, int months, String job) {
        return "fit-job:" + step + ":" + months + ":" + job;
    }

    /** The leavers of a step in one exit cohort (3-year bin of the year they left) observed {@code months} on. */
    public static String exitCohort(String step, int months, String cohort) {
        return "exit-cohort:" + step + ":" + months + ":" + cohort;
    }

    public static String exitOutcome(String step, int months, String cohort, String situation) {
        return "exit-outcome:" + step + ":" + months + ":" + cohort + ":" + situation;
    }

    /** {@code region}: an INSEE region code or {@code unknown}. */
    public static String regionCohort(String step, int months, String region) {
        return "region-cohort:" + step + ":" + months + ":" + region;
    }

    public static String regionOutcome(String step, int months, String region, String situation) {
        return "region-outcome:" + step + ":" + months + ":" + region + ":" + situation;
    }

    /** Leavers of {@code step} taken in {@code region} holding a job {@code months} after its end. */
    public static String mobilityBase(String step, int months, String region) {
        return "mobility:" + step + ":" + months + ":" + region;
    }

    /** {@code where}: same, other or unknown (the region of the job against the step's). */
    public static String mobility(String step, int months, String region, String where) {
        return "mobility:" + step + ":" + months + ":" + region + ":" + where;
    }

    public static String mobilityTo(String step, int months, String region, String destination) {
        return "mobility-to:" + step + ":" + months + ":" + region + ":" + destination;
    }

    /** {@code family} as {@link Families} names it: {@code field:5:M18}, {@code domain:5:M}, {@code level:5}. */
    /** {@code level}: an education level such as {@code 5}, in a region (or {@code unknown}). */
    public static String regionLevelCohort(long level, int months, String region) {
        return "region-level-cohort:" + level + ":" + months + ":" + region;
    }

    public static String regionLevelOutcome(long level, int months, String region, String situation) {
        return "region-level-outcome:" + level + ":" + months + ":" + region + ":" + situation;
    }

    /**
     * First jobs after an education step of {@code level} (0: every level), {@code direction} out of the
     * region trained in or into the region of the job.
     */
    public static String firstJobs(int level, String direction, String region) {
        return "first-jobs:" + level + ":" + direction + ":" + region;
    }

    /** {@code part}: other or unknown (the other end of the first jobs). */
    public static String firstJobsPart(int level, String direction, String region, String part) {
        return "first-jobs:" + level + ":" + direction + ":" + region + ":" + part;
    }

    /**
     * The people trained in region {@code from} whose first job was in {@code to} (the same people read from
     * either region, and {@code from} = {@code to} for those who stayed): one name, so one released value.
     */
    public static String firstJobsPair(int level, String from, String to) {
        return "first-jobs-pair:" + level + ":" + from + ":" + to;
    }

    /** The people who left {@code step} for {@code road} and were observed {@code months} after its end. */
    public static String forkRoad(String step, String road, int months) {
        return "fork:" + step + ":" + road + ":" + months;
    }

    /**
     * The same for the people who spent {@code since} (a "since" bin) at the step, or who came from step {@code after};
     * everyone's name when both are null (one dimension at a time).
     */
    public static String forkRoad(String step, String road, int months, String since, String after) {
        return forkRoad(step, road, months) + condition(since, after);
    }

    private static String condition(String since, String after) {
        return since != null ? ":since=" + since : after != null ? ":after=" + after : "";
    }

    /** Of them, those in {@code situation} at that time. */
    public static String fork(String step, String road, int months, String situation) {
        return "fork:" + step + ":" + road + ":" + months + ":" + situation;
    }

    /** Of the people who spent {@code since} at the step (or came from {@code after}), those in {@code situation}. */
    public static String fork(String step, String road, int months, String situation, String since, String after) {
        return fork(step, road, months, situation) + condition(since, after);
    }

    /** People who started {@code step} observed at least {@code months} after its start. */
    public static String reachObserved(String step, int months) {
        return "reach-observed:" + step + ":" + months;
    }

    /** Of them, those who had started {@code target} (a job, or a domain's letter) within those months. */
    public static String reach(String step, String target, int months) {
        return "reach:" + step + ":" + target + ":" + months;
    }

    /** Everyone seen starting {@code target} after {@code step}, with the months between the two starts. */
    public static String reachTime(String step, String target) {
        return "reach-time:" + step + ":" + target;
    }

    /** People of a step at an establishment, entering in {@code cohort} ({@code all} for every year). */
    public static String institutionPeople(String uai, String step, String cohort) {
        return "institution:" + uai + ":" + step + ":" + cohort;
    }

    /** Leavers of a step at an establishment observed that long, by exit cohort ({@code all}: every year). */
    public static String institutionCohort(String uai, String step, int months, String cohort) {
        return "institution-cohort:" + uai + ":" + step + ":" + months + ":" + cohort;
    }

    public static String institutionOutcome(String uai, String step, int months, String cohort, String situation) {
        return "institution-outcome:" + uai + ":" + step + ":" + months + ":" + cohort + ":" + situation;
    }

    /** Of them, in a job of this fit class with the step's target jobs (target, sameField, sameDomain, otherDomain). */
    public static String institutionFit(String uai, String step, int months, String cohort, String fitClass) {
        return "institution-fit:" + uai + ":" + step + ":" + months + ":" + cohort + ":" + fitClass;
    }

    public static String institutionLeaving(String uai, String step) {
        return "institution-leaving:" + uai + ":" + step;
    }

    public static String institutionNext(String uai, String from, String to) {
        return "institution-next:" + uai + ":" + from + ";" + to;
    }

    /** Everyone with a step at the establishment. */
    public static String institution(String uai) {
        return "institution-all:" + uai;
    }

    public static String familyCohort(String family, int months) {
        return "family-cohort:" + family + ":" + months;
    }

    public static String familyOutcome(String family, int months, String situation) {
        return "family-outcome:" + family + ":" + months + ":" + situation;
    }

    public static String reconversion(String step, int maxSteps, String domain) {
        return "reconversion:" + step + ":" + maxSteps + ":" + domain;
    }

    public static String reconversionRoute(String step, int maxSteps, String domain, List<String> via) {
        return "reconversion-route:" + step + ":" + maxSteps + ":" + domain + ":" + String.join(";", via);
    }

    public static String bridge(String from, String bridge, String domain) {
        return "bridge:" + from + ";" + bridge + ":" + domain;
    }

    public static String source(String source) {
        return "source:" + source;
    }

    public static final String EVERYONE = "everyone";
    public static final String DO_NOT_COLLECT = "do-not-collect";
    public static final String CONSENT_WITHDRAWALS = "consent-withdrawals";

    /** A well-mixed 64-bit number from the name (FNV-1a, then SplitMix64's finaliser): stable across releases. */
    public static long salt(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
