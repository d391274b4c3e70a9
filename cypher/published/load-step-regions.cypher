// Purpose: load, for each step, how many people were there in each region (only counts of at least
// k, with complementary suppression across a step's regions; share of the step's people).
// Parameters: $base, the folder holding the publication's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'step-regions.csv' AS row
MATCH (s:Step {id: row.step}), (r:Region {code: row.region})
CREATE (s)-[:IN_REGION {people: toInteger(row.people), share: toFloat(row.share)}]->(r)
