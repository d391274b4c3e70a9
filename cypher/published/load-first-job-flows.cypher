// Purpose: load where people took their first job against where they were trained: for an education level
// (0: every level) and a region (an INSEE code or 'unknown'), direction 'out' (the first jobs of the people whose
// last education step before them was in that region) or 'in' (the first jobs taken in that region), the first
// jobs (firstJobs) and rows of kind 'same' (the same region), 'other' (another region), 'unknown' (the other end's
// region not collected), each with its share of firstJobs, and of kind 'region' (otherRegion named, its share of
// 'other'). Every count perturbed and at least k; "trained in A, first job in B" is one value from either side.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'first-job-flows.csv' AS row
CREATE (:FirstJobFlow {level: toInteger(row.level), direction: row.direction, region: row.region,
                       firstJobs: toInteger(row.firstJobs), kind: row.kind, otherRegion: row.otherRegion,
                       people: toInteger(row.people), share: toFloat(row.share), shareLow: toFloat(row.shareLow),
                       shareHigh: toFloat(row.shareHigh)})
