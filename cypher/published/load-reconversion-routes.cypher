// Purpose: load the released reconversion routes: the same, by the steps in between (`via`, empty for a
// direct move).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'reconversion-routes.csv' AS row
CREATE (:Reconversion:ReconversionRoute {step: row.step, maxSteps: toInteger(row.maxSteps), toDomain: row.toDomain,
                                         via: CASE row.via WHEN '' THEN [] ELSE split(row.via, ';') END,
                                         people: toInteger(row.people)})
