// Purpose: filter steps by kind (education, job, other).
// Parameters: none. Idempotent.
CREATE INDEX step_kind IF NOT EXISTS FOR (s:Step) ON (s.kind)
