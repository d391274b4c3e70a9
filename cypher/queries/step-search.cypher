// Purpose: find steps by label or code, accent- and case-insensitive (s.search holds the folded
// label and code); prefix matches first, then the most travelled steps.
// Parameters: $q (folded query text, e.g. 'bts sio'), $kind ('education', 'job', 'other' or null), $limit.
// :param {q: 'developpement', kind: null, limit: 10}
MATCH (s:Step)
WHERE s.search CONTAINS $q
  AND ($kind IS NULL OR s.kind = $kind)
RETURN s.id AS id, s.kind AS kind, s.label AS label, s.domain AS domain, s.level AS level, s.people AS people
ORDER BY CASE WHEN s.search STARTS WITH $q OR toLower(s.id) STARTS WITH $q THEN 0 ELSE 1 END, coalesce(s.people, 0) DESC, s.id
LIMIT $limit
