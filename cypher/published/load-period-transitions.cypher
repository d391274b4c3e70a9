// Purpose: load the released transitions by period of the origin step: people (perturbed, at least k),
// share of that period's leavers, median months (start to start, and end to start: afterEndMonths).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'period-transitions.csv' AS row
MATCH (a:Step {id: row.from}), (b:Step {id: row.to})
CREATE (a)-[:TRANSITION_BY_PERIOD {period: row.period, people: toInteger(row.people), share: toFloat(row.share),
                         shareLow: toFloat(row.shareLow), shareHigh: toFloat(row.shareHigh),
                         medianMonths: toInteger(row.medianMonths),
                         afterEndMonths: toInteger(row.afterEndMonths)}]->(b)
