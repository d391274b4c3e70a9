// Purpose: one page of the person records, in pseudonym order, for a backup (run page after page in
// the one transaction that holds the writers' lock, so the copy is consistent).
// Parameters: $after (the last pseudonym of the previous page, '' for the first), $limit.
// :param {after: '', limit: 1000}
MATCH (p:Person)
WHERE p.pid > $after
RETURN p.pid AS pid, p.rkey AS rkey, p.keyId AS keyId, p.source AS source, p.digest AS digest,
       toString(p.collectedAt) AS collectedAt, p.steps AS steps, p.starts AS starts, p.ends AS ends, p.regions AS regions, p.institutions AS institutions,
       p.contributor AS contributor
ORDER BY pid
LIMIT $limit
