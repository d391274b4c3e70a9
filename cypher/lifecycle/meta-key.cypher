// Purpose: which pseudonymisation key the data is under, and whether a rotation is in progress.
// Parameters: none.
MATCH (m:Meta {name: 'graph'})
RETURN m.keyId AS keyId, m.rotatingTo AS rotatingTo
