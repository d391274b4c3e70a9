// Purpose: every released target of "how likely, and how long" from a step (a job code, or a ROME domain letter)
// at every horizon, with its people observed and reached and the share: what the held-out evaluation
// (eval fork-reach) scores, and an analyst's overview of where a step's people got to.
// Parameters: $from (step code).
// :param {from: 'BAC-PRO-MCV'}
MATCH (:Step {id: $from})-[:REACHES]->(r:Reach)
RETURN r.target AS target, r.months AS months, r.observed AS observed, r.people AS people, r.share AS share,
       r.shareLow AS shareLow, r.shareHigh AS shareHigh
ORDER BY target, months
