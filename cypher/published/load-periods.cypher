// Purpose: load the entry periods (5-year bins of the year a step started) that breakdowns use.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'periods.csv' AS row
CREATE (:Period {code: row.code, fromYear: toInteger(row.fromYear), toYear: toInteger(row.toYear)})
