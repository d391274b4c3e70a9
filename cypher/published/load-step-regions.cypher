// Purpose: load people per step and region (perturbed, at least k), the people of that region who left
// the step for another (the denominator of region-filtered shares) and the share of the step's people.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'step-regions.csv' AS row
MATCH (s:Step {id: row.step}), (r:Region {code: row.region})
CREATE (s)-[:IN_REGION {people: toInteger(row.people), leaving: toInteger(row.leaving), share: toFloat(row.share)}]->(r)
