// Purpose: regional comparison: how many people went through a step in each region, and the share
// of the step's people that is (regions with fewer than k people are not shown).
// Objet : comparaison régionale : combien de personnes sont passées par une étape dans chaque région, et quelle part de l'ensemble.
// Parameters: $step (a step code).
// :param {step: 'BAC-PRO-MCV'}
MATCH (s:Step {id: $step})-[r:IN_REGION]->(g:Region)
RETURN g.code AS region, g.name AS name, r.people AS people, round(r.share * 100, 1) AS sharePercent
ORDER BY people DESC
