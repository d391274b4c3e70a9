// Purpose: the jobs in tension in one region (DARES / France Travail tension category 4 or 5 of their job family
// in that region, a public note on the job, never on people) that people held in the region (at least k), and where
// their people came from, from the release: the steps people held in the region just before the job (transitions
// by the region of the origin; perturbed, at least k), with the origin's kind and ROME domain.
// Parameters: $region (an INSEE region code), $minCategory (4: tension and strong tension).
// :param {region: '93', minCategory: 4}
MATCH (j:Step {kind: 'job'})-[:HAS_MARKET]->(m:Market {geo: $region})
WHERE m.tensionCategory >= $minCategory
MATCH (j)-[here:IN_REGION]->(:Region {code: $region})
OPTIONAL MATCH (o:Step)-[t:TRANSITION_BY_REGION]->(j)
  WHERE t.region = $region
RETURN j.id AS id, j.label AS label, j.domain AS domain, m.tensionCategory AS tensionCategory, m.year AS year,
       here.people AS peopleInRegion, o.id AS fromId, o.label AS fromLabel, o.kind AS fromKind,
       o.domain AS fromDomain, t.people AS people
ORDER BY tensionCategory DESC, peopleInRegion DESC, id, people DESC, fromId
