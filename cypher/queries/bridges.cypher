// Purpose: for candidate bridges X (steps people took right after $from), how many distinct people
// went from X straight to the target: a job in the ROME domain $toDomain, or the step $to; and how
// many did the whole route $from -> X -> target back to back.
// Parameters: $from (code), $bridges (candidate codes), $toDomain (letter A..N or null), $to (code or null).
// :param {from: 'D1505', bridges: ['TP-DWWM', 'DE-AS', 'D1507'], toDomain: 'M', to: null}
UNWIND $bridges AS x
CALL (x) {
  MATCH (p:Person)-[:PASSED]->(:Step {id: x})
  UNWIND [i IN range(0, size(p.steps) - 2) WHERE p.steps[i] = x] AS i
  MATCH (s:Step {id: p.steps[i + 1]})
  WHERE (s.kind = 'job' AND s.domain = $toDomain) OR s.id = $to
  WITH DISTINCT p, i
  RETURN count(DISTINCT p) AS reached,
         count(DISTINCT CASE WHEN i > 0 AND p.steps[i - 1] = $from THEN p END) AS wholeRoute
}
RETURN x AS bridge, reached, wholeRoute
