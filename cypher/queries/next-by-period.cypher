// Purpose: where people went right after a step, counting only those who were at it in one period
// (entry period: 5-year bin of the year the step started), from the release: `leaving` is the
// released number of them who went on (the share denominator); each row a released destination.
// Parameters: $step (code), $value (the period).
// :param {step: 'BTS-MCO', value: '2015-2019'}
MATCH (s:Step {id: $step})
OPTIONAL MATCH (s)-[r:IN_PERIOD]->(:Period {code: $value})
OPTIONAL MATCH (s)-[t:TRANSITION_BY_PERIOD {period: $value}]->(n:Step)
RETURN r.leaving AS leaving, n.id AS id, n.kind AS kind, n.label AS label, n.domain AS domain,
       t.people AS people, t.share AS share, t.shareLow AS shareLow, t.shareHigh AS shareHigh, t.medianMonths AS medianMonths,
       t.afterEndMonths AS afterEndMonths
ORDER BY people DESC, id
