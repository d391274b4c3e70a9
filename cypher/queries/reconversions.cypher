// Purpose: changes of field from a job: for each person who held job $step, the first later job in
// another ROME domain (within $maxSteps transitions), with the steps in between (the bridge: often
// a training; empty for a direct move). Grouped by target domain and bridge, in distinct people.
// Parameters: $step (a job code), $maxSteps (1..6).
// :param {step: 'D1505', maxSteps: 3}
MATCH (a:Step {id: $step})<-[:PASSED]-(p:Person)
WITH a, p, [i IN range(0, size(p.steps) - 1) WHERE p.steps[i] = $step][0] AS i
CALL (a, p, i) {
  UNWIND range(i + 1, size(p.steps) - 1) AS j
  MATCH (s:Step {id: p.steps[j]})
  WHERE s.kind = 'job' AND s.domain IS NOT NULL AND s.domain <> a.domain AND j - i <= $maxSteps
  RETURN j, s.domain AS toDomain
  ORDER BY j
  LIMIT 1
}
RETURN toDomain, p.steps[i + 1..j] AS bridge, count(p) AS people
ORDER BY people DESC
