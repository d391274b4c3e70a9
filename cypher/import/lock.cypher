// Purpose: serialise writers. Taking a write lock on the Meta node first makes each import batch
// read and update the aggregates without another writer in between, so the counts stay exact.
// Parameters: none.
MERGE (m:Meta {name: 'graph'})
ON CREATE SET m.version = 0
SET m.lockedAt = datetime()
