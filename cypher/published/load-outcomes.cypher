// Purpose: load the published outcomes: the situation of a step's leavers 6, 12 and 24 months after
// it (job by ROME domain, study, other), with people and share, as the API's outcomes endpoint gives.
// Parameters: $base, the folder holding the publication's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'outcomes.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:HAS_OUTCOME]->(:Outcome {step: row.step, months: toInteger(row.months), cohort: toInteger(row.cohort),
                                      situation: row.situation,
                                      domain: CASE row.domain WHEN '' THEN null ELSE row.domain END,
                                      label: row.label, people: toInteger(row.people), share: toFloat(row.share)})
