// Purpose: count people changed since the last release (added, replaced or removed; see
// person/PendingChanges): the publication policy publishes when enough people changed. Run in the
// writer's transaction, after person/lock.
// Parameters: $delta, how many (may be negative: a person added then removed before any release).
// :param {delta: 1}
MATCH (m:Meta {name: 'graph'})
SET m.changes = coalesce(m.changes, 0) + $delta
