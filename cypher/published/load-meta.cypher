// Purpose: load the release's description: version of the data it was built from, when, k, the minimum
// denominator, the noise (maximum and variance), people counted and do-not-collect list size (both
// perturbed), withdrawals of consent (perturbed), the catalogue's bins, and whether every person counted
// is a synthetic demo person (the page then shows a banner).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'meta.csv' AS row
CREATE (:Meta {name: 'graph', version: toInteger(row.version), updatedAt: datetime(row.updatedAt), lastPurge: CASE row.lastPurge WHEN '' THEN null ELSE datetime(row.lastPurge) END,
               publishedAt: datetime(row.publishedAt), k: toInteger(row.k), minDenominator: toInteger(row.minDenominator),
               maxNoise: toInteger(row.maxNoise), noiseVariance: toFloat(row.noiseVariance),
               people: toInteger(row.people), doNotCollect: toInteger(row.doNotCollect),
               periods: split(row.periods, ';'), outcomeMonths: [m IN split(row.outcomeMonths, ';') | toInteger(m)],
               maxPathSteps: toInteger(row.maxPathSteps), consentWithdrawals: toInteger(row.consentWithdrawals),
               synthetic: row.synthetic = 'true'})
