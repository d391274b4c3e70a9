// Purpose: load the provenance of the labour-market notes: each public file read, what it holds, who
// produces it and its year (the processing register lists them as non-personal sources).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'market-sources.csv' AS row
CREATE (:MarketSource {file: row.file, what: row.what, producer: row.producer, year: row.year})
