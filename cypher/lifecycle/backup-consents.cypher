// Purpose: every consent record of direct contributions (the withdrawal token only as its hash), for a backup.
// Parameters: none.
// :param {}
MATCH (c:Consent)
RETURN c.tokenHash AS tokenHash, c.contributionId AS contributionId, c.app AS app, c.purposeVersion AS purposeVersion,
       toString(c.consentedAt) AS consentedAt, toString(c.receivedAt) AS receivedAt
ORDER BY tokenHash
