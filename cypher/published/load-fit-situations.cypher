// Purpose: load the released situations of a step's leavers against its target jobs, N months after its
// end: target (a target ROME code), sameField (another job of a target's professional field),
// sameDomain (of a target's grand domain), otherDomain, study, other; people (perturbed, at least k) and
// share of the cohort.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'fit-situations.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:HAS_FIT_SITUATION]->(:FitSituation {step: row.step, months: toInteger(row.months),
                                                 situation: row.situation, people: toInteger(row.people),
                                                 share: toFloat(row.share), shareLow: toFloat(row.shareLow),
                                                 shareHigh: toFloat(row.shareHigh)})
