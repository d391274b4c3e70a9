// Purpose: the main reconversions of one region, from the release: job-to-job moves to another ROME domain by
// people who held the first job in the region (transitions by the region of their origin; perturbed, at
// least k, with the share of the job's leavers in the region), the most people first.
// Parameters: $region (an INSEE region code), $limit.
// :param {region: '11', limit: 10}
MATCH (a:Step {kind: 'job'})-[t:TRANSITION_BY_REGION]->(b:Step {kind: 'job'})
WHERE t.region = $region AND a.domain IS NOT NULL AND b.domain IS NOT NULL AND a.domain <> b.domain
RETURN a.id AS fromId, a.label AS fromLabel, a.domain AS fromDomain, b.id AS toId, b.label AS toLabel,
       b.domain AS toDomain, t.people AS people, t.share AS share, t.shareLow AS shareLow, t.shareHigh AS shareHigh
ORDER BY people DESC, fromId, toId
LIMIT $limit
