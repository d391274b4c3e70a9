// Purpose: load a publication's description (version of the live graph it was made from, when, k,
// minimum denominator) as the Meta node the API's queries read their dataset version from.
// Parameters: $base, the folder holding the publication's CSV files as a URL (file:/// when it is
// Neo4j's import directory).
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'meta.csv' AS row
CREATE (:Meta {name: 'graph', version: toInteger(row.version), updatedAt: datetime(row.updatedAt),
               publishedAt: datetime(row.publishedAt), k: toInteger(row.k), minDenominator: toInteger(row.minDenominator),
               people: toInteger(row.people)})
