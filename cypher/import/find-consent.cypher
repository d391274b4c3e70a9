// Purpose: a withdrawal: the consent record of a token (by its SHA-256) and the id of the contribution
// to erase. No row: unknown or already withdrawn.
// Parameters: $tokenHash.
// :param {tokenHash: 'x'}
MATCH (c:Consent {tokenHash: $tokenHash})
RETURN c.contributionId AS contributionId, c.app AS app
