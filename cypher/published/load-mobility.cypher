// Purpose: load where a step's leavers work against the region they took it in: for a step, a number of
// months after its end and the step's region (an INSEE code or 'unknown'), the people in a job that long
// after (working), and rows of kind 'same' (working in that region), 'other' (in another region),
// 'unknown' (the job's region not collected), each with its share of working, and of kind 'to' (one per
// destination region, its share of 'other'). Every count perturbed and at least k.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'mobility.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:HAS_MOBILITY]->(:Mobility {step: row.step, months: toInteger(row.months), region: row.region,
                                        working: toInteger(row.working), kind: row.kind,
                                        destination: row.destination, people: toInteger(row.people),
                                        share: toFloat(row.share), shareLow: toFloat(row.shareLow),
                                        shareHigh: toFloat(row.shareHigh)})
