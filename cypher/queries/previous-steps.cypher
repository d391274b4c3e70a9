// Purpose: where the people who came to a step came from, from the release: each released origin with
// the people who made that transition (perturbed, at least k) and the median months from the start of
// the origin to the start of this step, and from the end of the origin (afterEndMonths). The API adds their share of the step's released arrivals.
// Parameters: $step (code).
// :param step => 'BTS-SIO-SLAM'
MATCH (o:Step)-[t:TRANSITION]->(s:Step {id: $step})
RETURN o.id AS id, o.kind AS kind, o.label AS label, o.domain AS domain,
       t.people AS people, t.medianMonths AS medianMonths, t.afterEndMonths AS afterEndMonths
ORDER BY people DESC, id
