// Purpose: find the people of one source (refreshing a source in full, erasure by source).
// Parameters: none. Idempotent.
CREATE INDEX person_source IF NOT EXISTS FOR (p:Person) ON (p.source)
