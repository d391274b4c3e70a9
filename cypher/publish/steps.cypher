// Purpose: every step with its raw counts, read from the live graph to build a publication; the
// publication keeps only the counts that pass the thresholds (fr.passerelle.publish.Publisher).
// Parameters: none.
MATCH (s:Step)
RETURN s.id AS id, s.kind AS kind, s.label AS label, s.domain AS domain, s.field AS field, s.level AS level,
       s.search AS search, coalesce(s.people, 0) AS people, coalesce(s.peopleIn, 0) AS peopleIn,
       coalesce(s.peopleOut, 0) AS peopleOut, coalesce(s.targets, []) AS targets, s.targetSource AS targetSource
ORDER BY id
