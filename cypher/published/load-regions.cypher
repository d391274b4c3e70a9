// Purpose: load the regions (INSEE codes and names).
// Parameters: $base, the folder holding the publication's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'regions.csv' AS row
CREATE (:Region {code: row.code, name: row.name})
