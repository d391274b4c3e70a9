// Purpose: load the released fit of each education step with its target jobs (France Compétences'
// "taux d'insertion dans le métier visé"): for a step and a number of months after its end, the cohort
// observed that long, the people outside further study (counted from records, the rate's denominator)
// and the rate (people in a target job / people outside study) with its 95% interval; empty = withheld.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'fit.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:HAS_FIT]->(:Fit {step: row.step, months: toInteger(row.months), cohort: toInteger(row.cohort),
                              outsideStudy: toInteger(row.outsideStudy), rate: toFloat(row.rate),
                              rateLow: toFloat(row.rateLow), rateHigh: toFloat(row.rateHigh)})
