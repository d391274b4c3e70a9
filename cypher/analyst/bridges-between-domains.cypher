// Purpose: bridges from one job family to another: trainings that people took right after a job of
// the first ROME domain and that led others (or the same people) straight to a job of the second.
// Each factor is a published transition count; a bridge needs both.
// Objet : les passerelles d'une famille de métiers à une autre : les formations suivies juste après un métier du premier domaine et qui ont mené directement à un métier du second.
// Parameters: $fromDomain, $toDomain (ROME domain letters, A to N).
// :param {fromDomain: 'M', toDomain: 'K'}
MATCH (a:Step {kind: 'job'})-[t1:TRANSITION]->(b:Step {kind: 'education'})-[t2:TRANSITION]->(c:Step {kind: 'job'})
WHERE a.domain = $fromDomain AND c.domain = $toDomain
RETURN b.id AS bridge, b.label AS label, sum(t1.people) AS peopleIntoBridge, sum(t2.people) AS peopleOutToDomain,
       collect(DISTINCT a.id) AS fromJobs, collect(DISTINCT c.id) AS toJobs
ORDER BY peopleIntoBridge * peopleOutToDomain DESC
