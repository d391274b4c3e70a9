// Purpose: the dataset version every answer cites as evidence (bumped by each import that changes data).
// Parameters: none.
MATCH (m:Meta {name: 'graph'})
RETURN m.version AS version, toString(m.updatedAt) AS updatedAt
