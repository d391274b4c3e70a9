// Purpose: record the consent that came with a trajectory a person contributed through an app: the
// SHA-256 of the withdrawal token (the token is shown once to the person, never stored), Passerelle's
// own random id of the contribution (its source is 'contributions'), the app (its API key's name), the
// version of the purpose text the person agreed to, and when.
// Parameters: $tokenHash, $contributionId, $app, $purposeVersion, $consentedAt, $receivedAt (ISO date-times).
// :param {tokenHash: 'x', contributionId: 'y', app: 'app1', purposeVersion: '2026-11', consentedAt: '2026-11-30T10:00:00Z', receivedAt: '2026-11-30T10:00:05Z'}
CREATE (:Consent {tokenHash: $tokenHash, contributionId: $contributionId, app: $app, purposeVersion: $purposeVersion,
                  consentedAt: datetime($consentedAt), receivedAt: datetime($receivedAt)})
