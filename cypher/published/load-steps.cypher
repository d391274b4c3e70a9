// Purpose: load the published steps: code, kind, official label, ROME domain and field, diploma
// level, and the counts that pass the thresholds (people, peopleIn, peopleOut; empty = hidden); for an
// education step, the ROME codes of the jobs its certification prepares for and where that list came from.
// Parameters: $base, the folder holding the publication's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'steps.csv' AS row
CREATE (:Step {id: row.id, kind: row.kind, label: row.label,
               domain: CASE row.domain WHEN '' THEN null ELSE row.domain END,
               field: CASE row.field WHEN '' THEN null ELSE row.field END,
               level: toInteger(row.level), search: row.search,
               people: toInteger(row.people), peopleIn: toInteger(row.peopleIn), peopleOut: toInteger(row.peopleOut),
               targets: CASE WHEN row.targets IS NULL OR row.targets = '' THEN [] ELSE split(row.targets, ';') END,
               targetSource: CASE row.targetSource WHEN '' THEN null ELSE row.targetSource END})
