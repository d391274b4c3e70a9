package fr.passerelle.recommend;

import java.util.List;
import java.util.Map;

/**
 * What became of an establishment's leavers of one step by exit cohort (private part), each cohort beside the
 * nation's same cohort; {@code all} is every exit year together.
 */
public record InstitutionOutcomes(
        String uai, StepRef step, List<Institution.Outcome> outcomes, Map<String, String> reasons, Evidence evidence) {}
