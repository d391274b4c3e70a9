// Purpose: where people went right after a step: each destination with the number of distinct
// people who made that transition and the median months from the start of the step to the start of
// the next; each row also carries the step itself, the people who left it (s.peopleOut, the share
// denominator) and the dataset version, so the API answers in one transaction. No row: unknown step;
// one row with a null id: nobody left it. The API then hides destinations under k (and one more where
// needed so the total cannot reveal them) and adds shares with 95% Wilson intervals.
// Parameters: $step, the step code.
// :param step => 'BTS-SIO-SLAM'
MATCH (s:Step {id: $step})
OPTIONAL MATCH (m:Meta {name: 'graph'})
OPTIONAL MATCH (s)-[t:TRANSITION]->(n:Step)
RETURN s.id AS stepId, s.kind AS stepKind, s.label AS stepLabel, s.domain AS stepDomain, s.peopleOut AS leaving,
       coalesce(m.version, 0) AS version,
       n.id AS id, n.kind AS kind, n.label AS label, n.domain AS domain,
       t.people AS people, t.medianMonths AS medianMonths, t.timedPeople AS timedPeople
ORDER BY people DESC, id
