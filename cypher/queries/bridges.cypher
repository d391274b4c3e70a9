// Purpose: for candidate bridges X (steps people took right after $from), how many distinct people
// did the whole route $from -> X -> target back to back, the target being a job in the ROME domain
// $toDomain or the step $to. One scan of the people who were at $from. (How many people went from X
// to the target at all comes from the published transitions, cypher/queries/published-transitions.cypher.)
// Parameters: $from (code), $bridges (candidate codes), $toDomain (letter A..N or null), $to (code or null).
// :param {from: 'D1505', bridges: ['TP-DWWM', 'DE-AS', 'D1507', 'TP-AGENT-MAGASINIER'], toDomain: 'N', to: null}
MATCH (:Step {id: $from})<-[:PASSED]-(p:Person)
UNWIND [i IN range(0, size(p.steps) - 3) WHERE p.steps[i] = $from AND p.steps[i + 1] IN $bridges] AS i
MATCH (s:Step {id: p.steps[i + 2]})
WHERE (s.kind = 'job' AND s.domain = $toDomain) OR s.id = $to
WITH DISTINCT p, p.steps[i + 1] AS bridge
RETURN bridge, count(p) AS wholeRoute
