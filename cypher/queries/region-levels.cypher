// Purpose: what became of a region's leavers of each education level $months after the end, beside the
// nation's leavers of that level, from the release: for the region, the cohort observed that long and its
// people in a job, in further study or elsewhere (each perturbed, at least k, with shares), and the same for
// the level nationally (Family 'level:N'). Each person counts once per level, at the first step of it they left.
// Parameters: $region (an INSEE region code, or 'unknown'), $months (12 or 24).
// :param {region: '11', months: 12}
MATCH (o:RegionLevelOutcome {region: $region})
WHERE o.months = $months
OPTIONAL MATCH (:Family {name: 'level:' + toString(o.level)})-[:HAS_FAMILY_OUTCOME]->(n:FamilyOutcome)
  WHERE n.months = $months AND n.situation = o.situation
RETURN o.level AS level, o.cohort AS cohort, o.situation AS situation, o.people AS people, o.share AS share,
       o.shareLow AS shareLow, o.shareHigh AS shareHigh, n.cohort AS nationCohort, n.people AS nationPeople,
       n.share AS nationShare, n.shareLow AS nationShareLow, n.shareHigh AS nationShareHigh
ORDER BY level, situation
