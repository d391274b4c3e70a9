// Purpose: the programmes and jobs people passed through in one region, from the release: per step, the people
// who were in it in that region (perturbed, at least k), the most first. A step with fewer than k people there
// is not listed.
// Parameters: $region (an INSEE region code).
// :param {region: '11'}
MATCH (s:Step)-[r:IN_REGION]->(:Region {code: $region})
WHERE s.kind IN ['education', 'job']
RETURN s.id AS id, s.kind AS kind, s.label AS label, s.domain AS domain, s.level AS level, r.people AS people
ORDER BY people DESC, id
