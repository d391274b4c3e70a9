// Purpose: load the released reconversions: from a job, the people whose first later job in another ROME
// domain came within maxSteps transitions (1..4), by that domain (perturbed, at least k).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'reconversions.csv' AS row
CREATE (:Reconversion {step: row.step, maxSteps: toInteger(row.maxSteps), toDomain: row.toDomain, people: toInteger(row.people)})
