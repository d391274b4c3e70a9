// Purpose: reconversions between two ROME domains: published paths (3 to 5 consecutive steps) that
// start in a job of one domain and end in a job of another, with the steps in between and how many
// people followed each path end to end.
// Objet : les reconversions entre deux domaines ROME : les parcours publiés (3 à 5 étapes consécutives) qui partent d'un métier d'un domaine et arrivent à un métier d'un autre, avec les étapes intermédiaires et le nombre de personnes.
// Parameters: $fromDomain, $toDomain (ROME domain letters, A to N).
// :param {fromDomain: 'H', toDomain: 'M'}
MATCH (p:Path)-[:THROUGH {position: 0}]->(a:Step {kind: 'job'})-[:IN_DOMAIN]->(:Domain {code: $fromDomain})
MATCH (p)-[:THROUGH]->(b:Step {id: p.last, kind: 'job'})-[:IN_DOMAIN]->(:Domain {code: $toDomain})
RETURN [id IN p.steps | id] AS steps, p.people AS people
ORDER BY people DESC, steps
