// Purpose: the longest common routes starting at a step: published paths of 3 to 5 consecutive
// steps that at least k people followed, with their labels, drawn as a graph in Neo4j Browser.
// Objet : les parcours les plus suivis à partir d'une étape : chemins publiés de 3 à 5 étapes suivis par au moins k personnes.
// Parameters: $step (a step code), $limit (how many paths).
// :param {step: 'BAC-STMG', limit: 15}
MATCH (p:Path {first: $step})
WITH p ORDER BY p.people DESC, p.length DESC LIMIT $limit
MATCH (p)-[t:THROUGH]->(s:Step)
WITH p, s ORDER BY t.position
RETURN p.people AS people, collect(s.label) AS route, p.steps AS codes
ORDER BY people DESC
