// Purpose: load the ROME domains (A to N) and link each step to its domain, so analysts can group
// flows by job family.
// Parameters: $base, the folder holding the publication's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'domains.csv' AS row
CREATE (d:Domain {code: row.code, label: row.label})
WITH d
MATCH (s:Step {domain: d.code})
CREATE (s)-[:IN_DOMAIN]->(d)
