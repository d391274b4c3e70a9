// Purpose: an overview to style in Neo4j Browser: every published transition carrying at least
// $minPeople people, as a graph (captions: label; thickness: people).
// Objet : vue d'ensemble à styler dans Neo4j Browser : toutes les transitions publiées d'au moins $minPeople personnes.
// Parameters: $minPeople (a count, at least k).
// :param {minPeople: 150}
MATCH path = (:Step)-[t:TRANSITION]->(:Step)
WHERE t.people >= $minPeople
RETURN path
