// Purpose: the most common observed routes from a step to a job (or to any job of a ROME domain, by its letter):
// released paths of 2 to 5 consecutive steps starting at the step and ending at the target, most people first.
// Parameters: $from (step code), $to (job code or domain letter), $limit.
// :param {from: 'BAC-PRO-MCV', to: 'D', limit: 3}
MATCH (p:Path {first: $from})
WHERE p.last = $to OR (size($to) = 1 AND p.last STARTS WITH $to AND p.last =~ '[A-N][0-9]{4}')
RETURN p.steps AS steps, p.people AS people, p.medianMonths AS medianMonths
ORDER BY people DESC, size(steps), p.key
LIMIT $limit
