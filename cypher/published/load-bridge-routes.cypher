// Purpose: load the released whole bridge routes: people who went from a step to a bridge and from there
// straight to a job of a ROME domain (perturbed, at least k). To a given step, the 3-step Path says it.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'bridge-routes.csv' AS row
CREATE (:BridgeRoute {from: row.from, bridge: row.bridge, toDomain: row.toDomain, people: toInteger(row.people)})
