// Purpose: what became of an establishment's leavers of one step (private part, read with its own key):
// per horizon (months after the end) and exit cohort ('all' for every year), the cohort and its people in a
// job, in further study or elsewhere, with shares.
// Parameters: $uai, $step (code), $months (list among 6, 12, 24, 36).
// :param {uai: '0490970N', step: 'MASTER-MEEF', months: [6, 12, 24]}
MATCH (:Institution {uai: $uai})-[:HAS_OUTCOME]->(o:InstitutionOutcome)
WHERE o.step = $step AND o.months IN $months
RETURN o.months AS months, o.exitCohort AS exitCohort, o.cohort AS people, o.situation AS situation,
       o.people AS situationPeople, o.share AS share, o.shareLow AS shareLow, o.shareHigh AS shareHigh
ORDER BY months, exitCohort, situation
