// Purpose: load the released outcomes by the region a step was taken in: for a step, a number of months after
// its end (6, 12, 24, 36) and an INSEE region code (or 'unknown', a class of its own), the leavers observed
// that long (cohort) and its people in a job, in further study or elsewhere (people; perturbed, at least k),
// with shares. A region below k is not there: the API then answers with the nation and says so.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'region-outcomes.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:HAS_REGIONAL_OUTCOME]->(:RegionalOutcome {step: row.step, months: toInteger(row.months),
                                                      region: row.region, cohort: toInteger(row.cohort),
                                                      situation: row.situation, people: toInteger(row.people),
                                                      share: toFloat(row.share), shareLow: toFloat(row.shareLow),
                                                      shareHigh: toFloat(row.shareHigh)})
