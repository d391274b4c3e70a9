// Purpose: after a release went out, subtract the changes it took in and open the next publication
// window (records written from now on count for the next release).
// Parameters: $published, the pending count read when the release was decided.
// :param {published: 0}
MERGE (m:Meta {name: 'graph'})
ON CREATE SET m.version = 0
SET m.changes = coalesce(m.changes, 0) - $published, m.window = coalesce(m.window, 0) + 1
