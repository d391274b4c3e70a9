// Purpose: a batch of person records not yet under the new key, during a key rotation.
// Parameters: $to (the new key id), $limit (batch size).
// :param {to: 'k-000000000000', limit: 5000}
MATCH (p:Person)
WHERE p.keyId <> $to
RETURN p.pid AS pid, p.keyId AS keyId
LIMIT $limit
