// Purpose: after a restore, the dataset version (above every version ever published from this home, so
// no older release folder is taken for the restored data) and the key id the pseudonyms are under.
// Parameters: $version, $keyId.
// :param {version: 7, keyId: 'k-000000000000'}
MERGE (m:Meta {name: 'graph'})
SET m.version = $version, m.keyId = $keyId, m.updatedAt = datetime()
