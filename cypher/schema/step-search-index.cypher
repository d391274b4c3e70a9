// Purpose: accent- and case-insensitive step search (s.search holds the folded label and code).
// Parameters: none. Idempotent.
CREATE TEXT INDEX step_search IF NOT EXISTS FOR (s:Step) ON (s.search)
