// Purpose: count an app key's contributions of the day (the per-key quota) without reading every consent.
// Parameters: none. Idempotent.
CREATE INDEX consent_app IF NOT EXISTS FOR (c:Consent) ON (c.app, c.receivedAt)
