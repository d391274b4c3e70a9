// Purpose: load the release's private part, establishments: every establishment (UAI) some education step
// named, with its people (perturbed, at least k; null below k). Loaded into the API's store only, never the
// analysts' store nor the open-data export: read through an establishment's own key (and the admin list).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'private/institutions.csv' AS row
CREATE (:Institution {uai: row.uai, people: toInteger(row.people)})
