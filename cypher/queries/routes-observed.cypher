// Purpose: observed routes from A to B: released paths (2 to 5 consecutive steps that people followed,
// perturbed, at least k) that start at A, end at B and pass through neither in between, with the median
// months from the start of A to the start of B.
// Parameters: $from, $to (step codes), $maxSteps (transitions, 1..4).
// :param {from: 'BAC-STMG', to: 'D1301', maxSteps: 4}
MATCH (p:Path {first: $from})
WHERE p.last = $to AND p.length <= $maxSteps + 1
  AND NOT $from IN p.steps[1..] AND NOT $to IN p.steps[..-1]
RETURN p.steps AS route, p.people AS people, p.medianMonths AS medianMonths
ORDER BY people DESC, p.key
