// Purpose: what a step promises and how much of a year's official cohort the release holds: the ROME codes
// its certification prepares for (with their source), InserJeunes' final-year students per millésime
// (public figures shipped with the release) and the release's leavers of 2019-2021 observed 6 months on
// (its exit cohort, perturbed, at least k; null when withheld).
// Parameters: $id, the step code.
// :param id => 'BTS-MCO'
MATCH (s:Step {id: $id})
OPTIONAL MATCH (s)-[:HAS_HEADCOUNT]->(h:OfficialHeadcount)
CALL (s) {
  OPTIONAL MATCH (s)-[:HAS_COHORT_OUTCOME]->(c:CohortOutcome {months: 6, exitCohort: '2019-2021'})
  RETURN max(c.cohort) AS leavers
}
RETURN coalesce(s.targets, []) AS targets, s.targetSource AS targetSource, h.finalYearPerYear AS officialPerYear,
       h.millesimes AS millesimes, h.officialSource AS officialSource, leavers
