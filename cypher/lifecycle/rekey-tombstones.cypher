// Purpose: replace do-not-collect pseudonyms by their re-keyed values, during a key rotation, so
// the list keeps refusing the same people under the new key.
// Parameters: $rows (list of {old, new}), $to (the new key id).
// :param {rows: [], to: 'k-000000000000'}
UNWIND $rows AS row
MATCH (d:DoNotCollect {pid: row.old})
SET d.pid = row.new, d.keyId = $to
