// Purpose: a batch of do-not-collect entries not yet under the new key, during a key rotation.
// Parameters: $to (the new key id), $limit (batch size).
// :param {to: 'k-000000000000', limit: 5000}
MATCH (d:DoNotCollect)
WHERE d.keyId <> $to
RETURN d.pid AS pid, d.keyId AS keyId
LIMIT $limit
