// Purpose: find records past the retention limit quickly.
// Parameters: none. Idempotent.
CREATE INDEX person_collected IF NOT EXISTS FOR (p:Person) ON (p.collectedAt)
