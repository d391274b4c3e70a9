// Purpose: load people per step and entry period (perturbed, at least k) and those who left the step.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'step-periods.csv' AS row
MATCH (s:Step {id: row.step}), (p:Period {code: row.period})
CREATE (s)-[:IN_PERIOD {people: toInteger(row.people), leaving: toInteger(row.leaving), share: toFloat(row.share)}]->(p)
