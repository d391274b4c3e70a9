// Purpose: load the "since" bins: months spent at a step before leaving it (0-5, 6-11, 12-23, 24-35,
// 36-59, 60-119, 120+), the dimension of the step-since and since-transitions tables.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'since.csv' AS row
CREATE (:Since {code: row.code, fromMonths: toInteger(row.fromMonths), toMonths: toInteger(row.toMonths)})
