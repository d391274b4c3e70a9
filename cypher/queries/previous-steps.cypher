// Purpose: where the people who came to a step came from: each origin with the number of distinct
// people who made that transition and the median months from the start of the origin to the start of
// this step. The API hides origins under k (with complementary suppression against s.peopleIn).
// Parameters: $step, the step code.
// :param step => 'BTS-SIO-SLAM'
MATCH (o:Step)-[t:TRANSITION]->(s:Step {id: $step})
RETURN o.id AS id, o.kind AS kind, o.label AS label, o.domain AS domain,
       t.people AS people, t.medianMonths AS medianMonths, t.timedPeople AS timedPeople
ORDER BY people DESC, id
