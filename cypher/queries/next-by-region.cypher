// Purpose: where people went right after a step, counting only those who were at it in one region
// (INSEE region code), from the release: `leaving` is the
// released number of them who went on (the share denominator); each row a released destination.
// Parameters: $step (code), $value (the region).
// :param {step: 'BTS-MCO', value: '84'}
MATCH (s:Step {id: $step})
OPTIONAL MATCH (s)-[r:IN_REGION]->(:Region {code: $value})
OPTIONAL MATCH (s)-[t:TRANSITION_BY_REGION {region: $value}]->(n:Step)
RETURN r.leaving AS leaving, n.id AS id, n.kind AS kind, n.label AS label, n.domain AS domain,
       t.people AS people, t.share AS share, t.shareLow AS shareLow, t.shareHigh AS shareHigh, t.medianMonths AS medianMonths,
       t.afterEndMonths AS afterEndMonths
ORDER BY people DESC, id
