// Purpose: put back backed-up consent records of direct contributions.
// Parameters: $consents (list of maps: tokenHash, contributionId, app, purposeVersion, consentedAt, receivedAt).
// :param {consents: []}
UNWIND $consents AS c
CREATE (:Consent {tokenHash: c.tokenHash, contributionId: c.contributionId, app: c.app, purposeVersion: c.purposeVersion,
                  consentedAt: datetime(c.consentedAt), receivedAt: datetime(c.receivedAt)})
