// Purpose: what became of the people who finished a step (typically a diploma), $months after its
// end: in a job (by ROME domain), in further study, or other (another situation, or nothing
// recorded). Only people observed for at least that long (collected at least $months after the end)
// count, so recent leavers do not bias the picture. Each person's first passage through the step counts.
// Parameters: $step (code), $months (list of whole months, e.g. [6, 12, 24]).
// :param {step: 'BTS-MCO', months: [6, 12, 24]}
MATCH (p:Person)-[:PASSED]->(:Step {id: $step})
WITH p, [i IN range(0, size(p.steps) - 1) WHERE p.steps[i] = $step][0] AS i
WITH p, i, p.ends[i] AS ended
WHERE ended >= 0
UNWIND $months AS n
WITH p, i, n, ended + n AS at
WHERE at <= p.collectedAt.year * 12 + p.collectedAt.month - 1
WITH p, n, at, last([j IN range(i + 1, size(p.steps) - 1) WHERE p.starts[j] >= 0 AND p.starts[j] <= at]) AS j
OPTIONAL MATCH (s:Step {id: p.steps[j]})
WITH n, CASE
          WHEN s IS NULL OR (p.ends[j] >= 0 AND p.ends[j] < at) THEN 'other'
          WHEN s.kind = 'education' THEN 'study'
          WHEN s.kind = 'job' THEN 'job:' + coalesce(s.domain, '?')
          ELSE 'other'
        END AS situation
RETURN n AS months, situation, count(*) AS people
ORDER BY months, people DESC
