// Purpose: the "carrefour" of a step: for each road its leavers took (a next step, or 'otherDomainJob': a job in
// another domain directly), the road's people observed $months after the step's end and what became of them
// (jobInField, jobOther, study, other) with shares; the road's label and kind. What became of people, not what
// a road causes.
// With $since (a "since" bin, as "12-23"): the same for the people who spent that long at the step; with $after (a
// step code): for the people who came from that step; both null: everyone (one dimension at a time).
// Parameters: $step (code), $months (12, 24 or 36), $since (a bin or null), $after (a step code or null).
// :param {step: 'BAC-PRO-MCV', months: 24, since: null, after: null}
MATCH (:Step {id: $step})-[:HAS_FORK]->(f:Fork)
WHERE f.months = $months AND (f.since = $since OR (f.since IS NULL AND $since IS NULL))
  AND (f.after = $after OR (f.after IS NULL AND $after IS NULL))
OPTIONAL MATCH (r:Step {id: f.road})
RETURN f.road AS road, r.label AS label, r.kind AS kind, r.domain AS domain, f.cohort AS cohort,
       f.situation AS situation, f.people AS people, f.share AS share, f.shareLow AS shareLow,
       f.shareHigh AS shareHigh
ORDER BY cohort DESC, road, situation
