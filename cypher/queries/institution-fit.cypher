// Purpose: the fit of an establishment's leavers of one step with the step's target jobs (private part, read
// with its own key): per exit cohort ('all' for every year), the people in a job, those outside further study
// and each released class of job (target, sameField, sameDomain, otherDomain) with its share of the latter.
// Parameters: $uai, $step (code), $months (6, 12, 24 or 36).
// :param {uai: '0490970N', step: 'MASTER-MEEF', months: 12}
MATCH (:Institution {uai: $uai})-[:HAS_FIT]->(f:InstitutionFit)
WHERE f.step = $step AND f.months = $months
RETURN f.exitCohort AS exitCohort, f.inJob AS inJob, f.outsideStudy AS outsideStudy, f.situation AS situation,
       f.people AS people, f.share AS share, f.shareLow AS shareLow, f.shareHigh AS shareHigh
ORDER BY exitCohort, situation
