// Purpose: load the released transitions by region of the origin step: people (perturbed, at least k),
// share of that region's leavers, median months (start to start, and end to start: afterEndMonths).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'region-transitions.csv' AS row
MATCH (a:Step {id: row.from}), (b:Step {id: row.to})
CREATE (a)-[:TRANSITION_BY_REGION {region: row.region, people: toInteger(row.people), share: toFloat(row.share),
                         shareLow: toFloat(row.shareLow), shareHigh: toFloat(row.shareHigh),
                         medianMonths: toInteger(row.medianMonths),
                         afterEndMonths: toInteger(row.afterEndMonths)}]->(b)
