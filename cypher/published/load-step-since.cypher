// Purpose: load, per step and "since" bin, the people whose stay at the step ended after that many
// months and those of them who went on to another step (both perturbed, at least k).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'step-since.csv' AS row
MATCH (s:Step {id: row.step}), (b:Since {code: row.since})
CREATE (s)-[:STAYED {people: toInteger(row.people), leaving: toInteger(row.leaving), share: toFloat(row.share)}]->(b)
