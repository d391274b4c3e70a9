// Purpose: where people went right after a step, counting only those who left it after a stay in one
// "since" bin (months spent at it: 0-5, 6-11, 12-23, 24-35, 36-59, 60-119, 120+), from the release:
// `leaving` is the released number of them who went on (the share denominator); each row a released
// destination. The API snaps `since=<months>` to its bin and backs off to next-steps when this is empty.
// Parameters: $step (code), $value (the bin).
// :param {step: 'D1505', value: '36-59'}
MATCH (s:Step {id: $step})
OPTIONAL MATCH (s)-[r:STAYED]->(:Since {code: $value})
OPTIONAL MATCH (s)-[t:TRANSITION_BY_SINCE {since: $value}]->(n:Step)
RETURN r.leaving AS leaving, n.id AS id, n.kind AS kind, n.label AS label, n.domain AS domain,
       t.people AS people, t.share AS share, t.shareLow AS shareLow, t.shareHigh AS shareHigh, t.medianMonths AS medianMonths,
       t.afterEndMonths AS afterEndMonths
ORDER BY people DESC, id
