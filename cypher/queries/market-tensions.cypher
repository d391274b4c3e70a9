// Purpose: the tension category and national median salary of several job steps at once (to annotate the
// jobs of an answer with annotate=market), nationally or in one region when the region has a note.
// Parameters: $steps (codes), $geo ('FR' or a region's INSEE code).
// :param {steps: ['M1805', 'M1802'], geo: 'FR'}
UNWIND $steps AS id
MATCH (:Step {id: id})-[:HAS_MARKET]->(m:Market)
WHERE m.geo IN ['FR', $geo]
WITH id, m ORDER BY CASE m.geo WHEN $geo THEN 0 ELSE 1 END
WITH id, collect(m) AS notes
WITH id, notes[0] AS local, [n IN notes WHERE n.geo = 'FR'][0] AS national
RETURN id AS step, local.geo AS geo, local.tensionCategory AS tensionCategory, local.year AS year,
       national.medianAnnualSalary AS medianAnnualSalary
