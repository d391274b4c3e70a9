package fr.passerelle.recommend;

import java.util.List;
import java.util.Map;

/**
 * Labour-market notes on a job step, from public, non-personal files shipped with the release: they
 * describe the job, never the people of a route ({@code caption} says so wherever they are shown).
 *
 * @param national the note for France; null when the files do not cover the job
 * @param regional the note for the region asked; null when none was asked or the files have none
 * @param sources the files the notes came from, with producer and year
 */
public record Market(
        StepRef step,
        Note national,
        Note regional,
        List<SourceFile> sources,
        String caption,
        Map<String, String> reasons,
        Evidence evidence) {

    /**
     * One geography's note. Tension figures are DARES / France Travail's for the job family ({@code fap})
     * the ROME code maps to ({@code crosswalk} says how), quintiles 1..5 where 5 tends to strong tension;
     * salary, job seekers and offers are France Travail's, nationally only.
     */
    public record Note(
            String geo,
            Integer year,
            String fap,
            String crosswalk,
            Integer tensionCategory,
            Double tension,
            Map<String, Integer> components,
            Integer medianAnnualSalary,
            Double medianHourlySalary,
            Integer jobSeekers,
            Integer offers,
            String franceTravailTension,
            String source) {}

    public record SourceFile(String file, String what, String producer, String year) {}

    /** For annotate=market: a job's tension category (with its geography and year) and national median salary. */
    public record Brief(String geo, Integer tensionCategory, Integer year, Integer medianAnnualSalary) {}

    static final String CAPTION =
            "These notes describe the job (its labour market), not the people of this release or their route.";
}
