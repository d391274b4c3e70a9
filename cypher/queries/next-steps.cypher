// Purpose: where people went right after a step, from the release: each released destination with the
// people who made that transition (perturbed, at least k), their share of the people who left the step
// with its 95% interval, the median months from the start of the step to the start of the next, and from its end to the start
// of the next (afterEndMonths).
// Each row also carries the step, its released leavers (the share denominator) and the release version,
// so the API answers in one transaction. No row: unknown step; one row with a null id: nothing released.
// Parameters: $step (code).
// :param step => 'BTS-SIO-SLAM'
MATCH (s:Step {id: $step})
OPTIONAL MATCH (m:Meta {name: 'graph'})
OPTIONAL MATCH (s)-[t:TRANSITION]->(n:Step)
RETURN s.id AS stepId, s.kind AS stepKind, s.label AS stepLabel, s.domain AS stepDomain, s.peopleOut AS leaving,
       coalesce(m.version, 0) AS version,
       n.id AS id, n.kind AS kind, n.label AS label, n.domain AS domain,
       t.people AS people, t.share AS share, t.shareLow AS shareLow, t.shareHigh AS shareHigh, t.medianMonths AS medianMonths,
       t.afterEndMonths AS afterEndMonths
ORDER BY people DESC, id
