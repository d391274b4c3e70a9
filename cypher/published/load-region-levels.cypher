// Purpose: load what became of a region's leavers of each education level: for a level (3 CAP ... 8
// doctorate), a number of months after the end (12 or 24) and an INSEE region code (or 'unknown', a class of
// its own), the leavers observed that long (cohort; each person once per level, at the first step of that level
// they left, in the region of that step) and its people in a job, in further study or elsewhere (people;
// perturbed, at least k), with shares. The nation's figure for the level is the Family 'level:N'.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'region-levels.csv' AS row
CREATE (:RegionLevelOutcome {level: toInteger(row.level), months: toInteger(row.months), region: row.region,
                             cohort: toInteger(row.cohort), situation: row.situation,
                             people: toInteger(row.people), share: toFloat(row.share),
                             shareLow: toFloat(row.shareLow), shareHigh: toFloat(row.shareHigh)})
