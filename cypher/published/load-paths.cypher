// Purpose: load the released paths: sequences of 2 to 5 consecutive steps with the people who followed
// them (perturbed, at least k), those of them who went on to another step (`leaving`, the denominator
// of the next step's shares), the share of the prefix's leavers, and the median months from the start of
// the first step to the start of the last (lastHopMonths: of its last transition only; lastHopAfterEndMonths: from the end of the step before
// the last to the start of the last); each linked to its steps in order (THROUGH {position}).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'paths.csv' AS row
WITH row, split(row.steps, ';') AS steps
CREATE (p:Path {key: row.steps, prefix: reduce(k = steps[0], s IN steps[1..-1] | k + ';' + s), steps: steps,
                length: size(steps), first: steps[0], last: steps[-1], people: toInteger(row.people),
                leaving: toInteger(row.leaving), share: toFloat(row.share), shareLow: toFloat(row.shareLow),
                shareHigh: toFloat(row.shareHigh), medianMonths: toInteger(row.medianMonths),
                lastHopMonths: toInteger(row.lastHopMonths), lastHopAfterEndMonths: toInteger(row.lastHopAfterEndMonths)})
WITH p, steps
UNWIND range(0, size(steps) - 1) AS i
MATCH (s:Step {id: steps[i]})
CREATE (p)-[:THROUGH {position: i}]->(s)
