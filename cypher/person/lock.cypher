// Purpose: serialise writers. Taking a write lock on the Meta node first makes each import batch
// read and update the aggregates without another writer in between, so the counts stay exact. It
// also records which pseudonymisation key the data is under (on first write) and returns it with
// any rotation in progress, so a writer holding another key refuses instead of creating duplicates.
// It also returns the publication window (how many releases went out since the store began), with
// which a record marks when it last changed, so that a person changed twice before a release counts once.
// Parameters: $keyId, the key id of the writer's pseudonymisation key.
// :param {keyId: 'k-000000000000'}
MERGE (m:Meta {name: 'graph'})
ON CREATE SET m.version = 0
SET m.lockedAt = datetime(), m.keyId = coalesce(m.keyId, $keyId)
RETURN m.keyId AS keyId, m.rotatingTo AS rotatingTo, coalesce(m.window, 0) AS window
