// Purpose: load the "carrefour": for a step, each road its leavers took (a next step, or 'otherDomainJob' for a
// job in another domain directly) and a number of months after the step's end (12, 24, 36), the road's people
// observed that long (cohort) and its people in each situation (jobInField, jobOther, study, other), perturbed
// and at least k, with their share of the road's people; `since` empty for everyone who left the step, else the
// bin of the months they spent at it ("0-5", "6-11", ..., "120+"), the same roads for those people only; `after`
// empty, else the step those people came from (one dimension at a time: never both).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'forks.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:HAS_FORK]->(:Fork {step: row.step, road: row.road, months: toInteger(row.months),
                                since: CASE WHEN row.since IS NULL OR row.since = '' THEN null ELSE row.since END,
                                after: CASE WHEN row.after IS NULL OR row.after = '' THEN null ELSE row.after END,
                                cohort: toInteger(row.cohort), situation: row.situation,
                                people: toInteger(row.people), share: toFloat(row.share),
                                shareLow: toFloat(row.shareLow), shareHigh: toFloat(row.shareHigh)})
