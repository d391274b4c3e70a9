// Purpose: load the released outcomes: for a step and a number of months after its end (6, 12, 24, 36),
// the cohort observed that long and the people in each situation (perturbed, at least k), with shares.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'outcomes.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:HAS_OUTCOME]->(:Outcome {step: row.step, months: toInteger(row.months), cohort: toInteger(row.cohort),
                                      situation: row.situation,
                                      domain: CASE row.domain WHEN '' THEN null ELSE row.domain END,
                                      label: row.label, people: toInteger(row.people), share: toFloat(row.share),
                                      shareLow: toFloat(row.shareLow), shareHigh: toFloat(row.shareHigh)})
