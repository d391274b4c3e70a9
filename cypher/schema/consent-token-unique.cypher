// Purpose: one consent record per withdrawal token (stored as its SHA-256, never the token itself).
// Parameters: none.
CREATE CONSTRAINT consent_token_unique IF NOT EXISTS FOR (c:Consent) REQUIRE c.tokenHash IS UNIQUE
