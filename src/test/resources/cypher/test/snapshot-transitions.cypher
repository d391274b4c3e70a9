// Tests only: every transition's counts and durations, to compare two graphs.
MATCH (a:Step)-[t:TRANSITION]->(b:Step)
RETURN a.id AS from, b.id AS to, t.people AS people, t.months AS months, t.medianMonths AS medianMonths, t.timedPeople AS timedPeople
ORDER BY from, to
