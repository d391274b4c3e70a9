// Purpose: remove a consent record once its contribution is erased (the withdrawal is complete).
// Parameters: $tokenHash.
// :param {tokenHash: 'x'}
MATCH (c:Consent {tokenHash: $tokenHash})
DELETE c
