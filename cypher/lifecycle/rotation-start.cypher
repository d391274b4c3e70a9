// Purpose: mark a key rotation as started (writers refuse until it finishes), under the writers' lock.
// Parameters: $to, the key id every pseudonym is being re-keyed to.
// :param {to: 'k-000000000000'}
MERGE (m:Meta {name: 'graph'})
ON CREATE SET m.version = 0
SET m.lockedAt = datetime(), m.rotatingTo = $to
RETURN m.keyId AS keyId
