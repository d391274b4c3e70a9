// Purpose: load the published steps: code, kind, official label, ROME domain and field, diploma
// level, and the counts that pass the thresholds (people, peopleIn, peopleOut; empty = hidden).
// Parameters: $base, the folder holding the publication's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'steps.csv' AS row
CREATE (:Step {id: row.id, kind: row.kind, label: row.label,
               domain: CASE row.domain WHEN '' THEN null ELSE row.domain END,
               field: CASE row.field WHEN '' THEN null ELSE row.field END,
               level: toInteger(row.level), search: row.search,
               people: toInteger(row.people), peopleIn: toInteger(row.peopleIn), peopleOut: toInteger(row.peopleOut)})
