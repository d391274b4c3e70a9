// Purpose: "people like you": where people went right after a step, counting only those who reached
// it through the path $after (the steps just before it, oldest first) and, optionally, were in region
// $region at that step and started it between the years $from and $to. Each person counts once per
// destination (first occurrence); `leaving` is the number of distinct people matched who went on to a
// next step, the share denominator. The API hides destinations under k and adds shares.
// Parameters: $step (code), $after (list of codes, may be empty), $region (INSEE code or null),
// $from, $to (years or null).
// :param {step: 'BTS-MCO', after: ['BAC-PRO-MCV'], region: null, from: null, to: null}
MATCH (p:Person)-[:PASSED]->(:Step {id: $step})
WITH p, [i IN range(size($after), size(p.steps) - 2)
         WHERE p.steps[i] = $step
           AND p.steps[i - size($after)..i] = $after
           AND ($region IS NULL OR p.regions[i] = $region)
           AND ($from IS NULL OR (p.starts[i] >= 0 AND p.starts[i] / 12 >= $from))
           AND ($to IS NULL OR (p.starts[i] >= 0 AND p.starts[i] / 12 <= $to))] AS positions
WHERE size(positions) > 0
WITH count(p) AS leaving, collect([p, positions]) AS matched
UNWIND matched AS m
WITH leaving, m[0] AS p, m[1] AS positions
UNWIND positions AS i
WITH leaving, p, p.steps[i + 1] AS next, min(i) AS i
WITH leaving, next,
     CASE WHEN p.starts[i] >= 0 AND p.starts[i + 1] >= p.starts[i]
          THEN CASE WHEN p.starts[i + 1] - p.starts[i] > 120 THEN 120 ELSE p.starts[i + 1] - p.starts[i] END END AS months
WITH leaving, next, count(*) AS people, percentileDisc(months, 0.5) AS medianMonths, count(months) AS timedPeople
MATCH (n:Step {id: next})
RETURN leaving, n.id AS id, n.kind AS kind, n.label AS label, n.domain AS domain, people, medianMonths, timedPeople
ORDER BY people DESC, id
