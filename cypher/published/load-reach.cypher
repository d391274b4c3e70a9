// Purpose: load "how likely, and how long": for a step and a target (a job code, or a ROME domain letter for any
// job of that domain), at 12, 24, 36, 60 and 120 months after the step's start, the people observed that long
// (observed) and those of them who had started the target by then (people), with shares; and everyone seen
// starting it after the step (reached) with the median months between the two starts. Perturbed, at least k.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'reach.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:REACHES]->(:Reach {step: row.step, target: row.target, months: toInteger(row.months),
                                observed: toInteger(row.observed), people: toInteger(row.people),
                                share: toFloat(row.share), shareLow: toFloat(row.shareLow),
                                shareHigh: toFloat(row.shareHigh), reached: toInteger(row.reached),
                                medianMonths: toInteger(row.medianMonths)})
