// Purpose: replace person pseudonyms by their re-keyed values (computed in the application, where
// the secret is), during a key rotation.
// Parameters: $rows (list of {old, new}), $to (the new key id).
// :param {rows: [], to: 'k-000000000000'}
UNWIND $rows AS row
MATCH (p:Person {pid: row.old})
SET p.pid = row.new, p.keyId = $to
