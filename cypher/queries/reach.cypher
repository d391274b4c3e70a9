// Purpose: how likely, and how long, from a step to a job (or any job of a ROME domain, by its letter): at each
// horizon after the step's start (12, 24, 36, 60, 120 months), the people observed that long and those of them
// who had started the target, with shares; everyone seen reaching it and their median months.
// Parameters: $from (step code), $to (job code or domain letter).
// :param {from: 'BAC-PRO-MCV', to: 'D'}
MATCH (:Step {id: $from})-[:REACHES]->(r:Reach)
WHERE r.target = $to
RETURN r.months AS months, r.observed AS observed, r.people AS people, r.share AS share, r.shareLow AS shareLow,
       r.shareHigh AS shareHigh, r.reached AS reached, r.medianMonths AS medianMonths
ORDER BY months
