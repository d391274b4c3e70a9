// Tests only: one person (by pseudonym) was last collected on $collectedAt, so that the retention
// purge erases exactly them.
// :param {pid: '0', collectedAt: '2020-01-15'}
MATCH (p:Person {pid: $pid})
SET p.collectedAt = date($collectedAt)
