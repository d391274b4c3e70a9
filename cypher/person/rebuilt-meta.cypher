// Purpose: after a bulk rebuild replaced the whole person store: a dataset version above every release
// of this home (no older release folder is taken for the new data), and everyone counted as changed,
// so that the publication policy publishes the new data at its next check.
// Parameters: $version, $changes.
// :param {version: 2, changes: 1000}
MERGE (m:Meta {name: 'graph'})
SET m.version = $version, m.changes = $changes, m.updatedAt = datetime()
