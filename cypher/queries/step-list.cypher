// Purpose: every released step with its code, label, search text and people: what search indexes
// (with the everyday names and job titles of its steps) and what close matches are drawn from.
// Parameters: none.
MATCH (s:Step)
RETURN s.id AS id, s.kind AS kind, s.label AS label, s.domain AS domain, s.level AS level, s.search AS search,
       s.people AS people
