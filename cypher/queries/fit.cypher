// Purpose: how a step's leavers fit the jobs its certification prepares for, $months after its end, from
// the release: the step's target ROME codes and their source, the cohort observed that long, the people
// outside further study (the rate's denominator, counted from records) and the rate of people in a
// target job among them with its 95% interval; null figures were withheld (fewer than k, or a
// denominator under 20 for the rate).
// Parameters: $step (code), $months (6, 12, 24 or 36).
// :param {step: 'BTS-SIO-SLAM', months: 12}
MATCH (s:Step {id: $step})
OPTIONAL MATCH (s)-[:HAS_FIT]->(f:Fit {months: $months})
RETURN coalesce(s.targets, []) AS targets, s.targetSource AS targetSource, f.cohort AS cohort,
       f.outsideStudy AS outsideStudy, f.rate AS share, f.rateLow AS shareLow, f.rateHigh AS shareHigh
