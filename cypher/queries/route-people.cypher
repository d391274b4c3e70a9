// Purpose: how many distinct people followed a whole chain of steps back to back (a composed route),
// and the median months from the start of its first step to the start of its last.
// Parameters: $routes, a list of chains (each a list of step codes, at least two).
// :param routes => [['BAC-STMG', 'BTS-MCO', 'D1301']]
UNWIND $routes AS route
CALL (route) {
  MATCH (:Step {id: route[0]})<-[:PASSED]-(p:Person)-[:PASSED]->(:Step {id: route[-1]})
  WITH p, [i IN range(0, size(p.steps) - size(route)) WHERE p.steps[i..i + size(route)] = route] AS at
  WHERE size(at) > 0
  WITH p, at[0] AS i
  WITH CASE WHEN p.starts[i] >= 0 AND p.starts[i + size(route) - 1] >= p.starts[i]
            THEN p.starts[i + size(route) - 1] - p.starts[i] END AS months
  RETURN count(*) AS people, percentileDisc(months, 0.5) AS medianMonths, count(months) AS timedPeople
}
RETURN route, people, medianMonths, timedPeople
