// Purpose: an establishment's released leavers of one exit cohort, observed 6 months on, for its programmes of one
// level (7 for masters): what the coverage route sets against the official number of graduates (private part,
// read with its own key).
// Parameters: $uai, $cohort (an exit cohort, as 2016-2018; 'all' for every year), $level (the programmes' level).
// :param {uai: '0490970N', cohort: 'all', level: 7}
MATCH (:Institution {uai: $uai})-[:HAS_OUTCOME]->(o:InstitutionOutcome)
WHERE o.months = 6 AND o.exitCohort = $cohort
MATCH (s:Step {id: o.step})
WHERE s.level = $level
RETURN DISTINCT o.step AS step, s.label AS label, s.kind AS kind, o.cohort AS leavers
ORDER BY leavers DESC, step
