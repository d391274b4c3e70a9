// Purpose: what became of a step's leavers by exit cohort (3-year bins of the year they left), $months after
// the end, from the release: each released cohort's people and its people in a job, in further study or
// elsewhere, with shares; oldest cohort first.
// Parameters: $step (code), $months (list among 6, 12, 24, 36).
// :param {step: 'DE-INFIRMIER', months: [12]}
MATCH (:Step {id: $step})-[:HAS_COHORT_OUTCOME]->(o:CohortOutcome)
WHERE o.months IN $months
RETURN o.months AS months, o.exitCohort AS exitCohort, o.cohort AS people, o.situation AS situation,
       o.people AS situationPeople, o.share AS share, o.shareLow AS shareLow, o.shareHigh AS shareHigh
ORDER BY months, exitCohort, situation
