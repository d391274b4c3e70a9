// Purpose: load the released transitions: people (perturbed, at least k), share of the people leaving
// the origin with its 95% interval (when that perturbed denominator is at least the minimum), median months from the start of the origin to the start of the destination, and from the end of the origin
// to the start of the destination (afterEndMonths: the wait people mean; 0 when the next began before the end).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'transitions.csv' AS row
MATCH (a:Step {id: row.from}), (b:Step {id: row.to})
CREATE (a)-[:TRANSITION {people: toInteger(row.people), share: toFloat(row.share), shareLow: toFloat(row.shareLow),
                         shareHigh: toFloat(row.shareHigh), medianMonths: toInteger(row.medianMonths),
                         afterEndMonths: toInteger(row.afterEndMonths)}]->(b)
