// Purpose: remember when the retention purge last ran (reported in the processing register).
// Parameters: none.
MERGE (m:Meta {name: 'graph'})
ON CREATE SET m.version = 0
SET m.lastPurge = datetime()
