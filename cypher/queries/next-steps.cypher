// Purpose: where people went right after a step: each destination with the number of distinct
// people who made that transition and the median months from the start of the step to the start of
// the next. The API then hides destinations under k people (and one more where needed so the total
// cannot reveal them) and adds shares of s.peopleOut with 95% Wilson intervals.
// Parameters: $step, the step code.
// :param step => 'BTS-SIO-SLAM'
MATCH (s:Step {id: $step})-[t:TRANSITION]->(n:Step)
RETURN n.id AS id, n.kind AS kind, n.label AS label, n.domain AS domain,
       t.people AS people, t.medianMonths AS medianMonths, t.timedPeople AS timedPeople
ORDER BY people DESC, id
