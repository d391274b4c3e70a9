// Purpose: observed routes from A to B: for each person who was at A and later at B, the steps from
// their last A before their first B to that B (at most $maxSteps transitions), grouped by sequence:
// how many distinct people followed each, the median months from the start of A to the start of B.
// The API keeps only routes followed by at least k people.
// Parameters: $from, $to (step codes), $maxSteps (1..6).
// :param {from: 'BAC-STMG', to: 'D1301', maxSteps: 4}
MATCH (:Step {id: $from})<-[:PASSED]-(p:Person)-[:PASSED]->(:Step {id: $to})
WITH p, [j IN range(1, size(p.steps) - 1) WHERE p.steps[j] = $to AND $from IN p.steps[0..j]] AS ends
WHERE size(ends) > 0
WITH p, ends[0] AS j
WITH p, j, last([i IN range(0, j - 1) WHERE p.steps[i] = $from]) AS i
WHERE j - i <= $maxSteps
WITH p.steps[i..j + 1] AS route,
     CASE WHEN p.starts[i] >= 0 AND p.starts[j] >= p.starts[i] THEN p.starts[j] - p.starts[i] END AS months
RETURN route, count(*) AS people, percentileDisc(months, 0.5) AS medianMonths, count(months) AS timedPeople
ORDER BY people DESC, route
