// Purpose: a batch of person records not yet under the new key, during a key rotation. Records without a
// key id (the build's demo home: made under a key destroyed with the build, person/forget-key) are never
// selected: no key of this home can re-key them, and nobody can link them.
// Parameters: $to (the new key id), $limit (batch size).
// :param {to: 'k-000000000000', limit: 5000}
MATCH (p:Person)
WHERE p.keyId <> $to
RETURN p.pid AS pid, p.keyId AS keyId
LIMIT $limit
