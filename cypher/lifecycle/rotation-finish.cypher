// Purpose: mark a key rotation as done: every pseudonym is under the new key.
// Parameters: $to, the new key id.
// :param {to: 'k-000000000000'}
MATCH (m:Meta {name: 'graph'})
SET m.keyId = $to, m.rotatingTo = null, m.lastRotation = datetime()
