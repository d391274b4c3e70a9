// Purpose: a region's diagnosis for observatories: the programmes taken in the region with the most
// leavers observed $months after their end, the shares of them in a job and in further study, and of those
// in a job, the share working in the region itself (retention); figures withheld under k stay null.
// Objet : diagnostic territorial : les formations suivies dans la région qui ont le plus de sortants observés quelques mois après la fin, la part en emploi et en poursuite d'études, et parmi les personnes en emploi la part qui travaille dans la région (rétention) ; un chiffre sous k reste vide.
// Parameters: $region (an INSEE region code), $months (6, 12, 24 or 36).
// :param {region: '11', months: 12}
MATCH (s:Step {kind: 'education'})-[:HAS_REGIONAL_OUTCOME]->(o:RegionalOutcome {region: $region, months: $months})
WITH s, max(o.cohort) AS people, collect([o.situation, o.share]) AS shares
OPTIONAL MATCH (s)-[:HAS_MOBILITY]->(m:Mobility {region: $region, months: $months, kind: 'same'})
RETURN s.id AS step, s.label AS label, people,
       round(100 * [x IN shares WHERE x[0] = 'job' | x[1]][0], 1) AS jobPercent,
       round(100 * [x IN shares WHERE x[0] = 'study' | x[1]][0], 1) AS studyPercent,
       m.working AS peopleWorking, round(100 * m.share, 1) AS workingInRegionPercent
ORDER BY people DESC
LIMIT 20
