// Purpose: the biggest flows out of a step (a diploma, a job): where its people went next, with the
// number of people, the share of those who left it and the median months (start to start; monthsAfterEnd from
// the end of the step). Returns the paths too, so Neo4j Browser draws
// the graph (style relationship thickness by `people`, see the guide).
// Objet : les plus gros flux au départ d'une étape (un diplôme, un métier) : où sont allées ses personnes ensuite, combien, et quelle part de celles qui l'ont quittée. Renvoie aussi les chemins, que Neo4j Browser dessine.
// Parameters: $step (a step code), $limit (how many destinations).
// :param {step: 'BTS-MCO', limit: 10}
MATCH path = (s:Step {id: $step})-[t:TRANSITION]->(n:Step)
RETURN path, n.label AS destination, t.people AS people, round(t.share * 100, 1) AS sharePercent, t.medianMonths AS medianMonths,
       t.afterEndMonths AS monthsAfterEnd
ORDER BY people DESC
LIMIT $limit
