// Purpose: one step and its people counts: passed through it, came to it from another step, left
// it for another step; with the dataset version the answer is computed on. The API hides any count below k.
// Parameters: $id, the step code.
// :param id => 'BTS-SIO-SLAM'
MATCH (s:Step {id: $id})
OPTIONAL MATCH (m:Meta {name: 'graph'})
RETURN s.id AS id, s.kind AS kind, s.label AS label, s.domain AS domain, s.field AS field, s.level AS level,
       s.people AS people, s.peopleIn AS peopleIn, s.peopleOut AS peopleOut, coalesce(m.version, 0) AS version
