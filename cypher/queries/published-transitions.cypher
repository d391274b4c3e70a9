// Purpose: the transitions at least k people made, with the people who left their origin (the share
// denominator): the graph composed routes, bridges and similar steps are computed on.
// Parameters: $k.
// :param k => 11
MATCH (a:Step)-[t:TRANSITION]->(b:Step)
WHERE t.people >= $k
RETURN a.id AS from, b.id AS to, t.people AS people, a.peopleOut AS fromOut, b.peopleIn AS toIn, t.medianMonths AS medianMonths,
       t.timedPeople AS timedPeople
