// Tests only: the first $count people (by pseudonym) were last collected on $collectedAt, so that
// the retention purge has records to erase, the same ones in every home that shares the key.
// :param {count: 10, collectedAt: '2020-01-15'}
MATCH (p:Person)
WITH p ORDER BY p.pid LIMIT $count
SET p.collectedAt = date($collectedAt)
