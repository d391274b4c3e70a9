// Purpose: find steps by label, code or everyday name in Neo4j Browser, accent- and case-insensitive
// (s.search holds the folded label, code and the catalogue's everyday names); prefix matches first,
// then the most travelled steps. The API's search (recommend/StepSearch.java, over
// queries/step-list.cypher) also knows the ROME job titles, gender forms and word order, and corrects typos.
// Parameters: $q (folded query text, e.g. 'bts sio'), $kind ('education', 'job', 'other' or null), $limit.
// :param {q: 'developpement', kind: null, limit: 10}
MATCH (s:Step)
WHERE s.search CONTAINS $q
  AND ($kind IS NULL OR s.kind = $kind)
RETURN s.id AS id, s.kind AS kind, s.label AS label, s.domain AS domain, s.level AS level, s.people AS people
ORDER BY CASE WHEN s.search STARTS WITH $q OR toLower(s.id) STARTS WITH $q THEN 0 ELSE 1 END, coalesce(s.people, 0) DESC, s.id
LIMIT $limit
