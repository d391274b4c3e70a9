// Purpose: a new dataset version after an import that changed something; answers carry it as evidence.
// Parameters: none.
MERGE (m:Meta {name: 'graph'})
SET m.version = coalesce(m.version, 0) + 1, m.updatedAt = datetime()
