// Purpose: a step's leavers by situation against its target jobs, $months after its end, from the
// release: target, sameField, sameDomain, otherDomain, study, other; people (perturbed, at least k)
// and share of the cohort.
// Parameters: $step (code), $months (6, 12, 24 or 36).
// :param {step: 'BTS-MCO', months: 12}
MATCH (:Step {id: $step})-[:HAS_FIT_SITUATION]->(x:FitSituation {months: $months})
RETURN x.situation AS situation, x.people AS people, x.share AS share, x.shareLow AS shareLow,
       x.shareHigh AS shareHigh
