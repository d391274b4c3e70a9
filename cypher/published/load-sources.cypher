// Purpose: load the people counted per source (perturbed, at least k), for the processing register.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'sources.csv' AS row
CREATE (:Source {name: row.source, people: toInteger(row.people)})
