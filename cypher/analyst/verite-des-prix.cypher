// Purpose: "vérité des prix" for one programme: the jobs its certification prepares for, its fit rate
// (people in a target job out of the people not in further study, France Compétences' "taux d'insertion
// dans le métier visé") and, beside it, what became of its families' leavers (its level and professional
// field, its level and grand domain, its level nationally), all $months after the end.
// Objet : la vérité des prix d'une formation : ses métiers visés, son taux d'insertion dans le métier visé (personnes dans un métier visé / personnes hors poursuite d'études) et, à côté, le devenir des sortants de sa famille (même niveau et domaine professionnel, même niveau et grand domaine, tout le niveau), le tout quelques mois après la fin.
// Parameters: $step (an education step code), $months (6, 12, 24 or 36).
// :param {step: 'BTS-CG', months: 12}
MATCH (s:Step {id: $step})
OPTIONAL MATCH (s)-[:HAS_FIT]->(f:Fit {months: $months})
OPTIONAL MATCH (s)-[:IN_FAMILY]->(fam:Family)-[:HAS_FAMILY_OUTCOME]->(o:FamilyOutcome {months: $months})
WITH s, f, fam, collect({situation: o.situation, people: o.people,
                         sharePercent: round(o.share * 100, 1)}) AS situations, max(o.cohort) AS familyCohort
RETURN s.targets AS targetJobs, f.cohort AS cohort, f.outsideStudy AS peopleOutsideStudy,
       round(f.rate * 100, 1) AS fitRatePercent, fam.name AS family, familyCohort, situations
ORDER BY CASE fam.group WHEN 'field' THEN 0 WHEN 'domain' THEN 1 ELSE 2 END
