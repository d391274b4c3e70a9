// Purpose: every step's code and search text, to suggest close matches for an unknown code.
// Parameters: none.
MATCH (s:Step)
RETURN s.id AS id, s.kind AS kind, s.label AS label, s.domain AS domain, s.search AS search
