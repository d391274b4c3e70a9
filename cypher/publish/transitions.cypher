// Purpose: every transition with its raw counts, read from the live graph to build a publication;
// the publication drops those below k and applies complementary suppression around each step.
// Parameters: none.
MATCH (a:Step)-[t:TRANSITION]->(b:Step)
RETURN a.id AS from, b.id AS to, t.people AS people, t.medianMonths AS medianMonths, t.timedPeople AS timedPeople
ORDER BY from, to
