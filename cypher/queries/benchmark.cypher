// Purpose: the families a step is compared with (its level and professional field, its level and grand
// domain, its level nationally) and what became of their leavers $months after the end, from the release:
// each family's cohort and its people in a job, in further study or elsewhere, with shares; narrowest first.
// Parameters: $step (code), $months (one of 6, 12, 24, 36).
// :param {step: 'BTS-MCO', months: 12}
MATCH (:Step {id: $step})-[:IN_FAMILY]->(f:Family)-[:HAS_FAMILY_OUTCOME]->(o:FamilyOutcome {months: $months})
RETURN f.name AS family, f.group AS group, f.level AS level, f.code AS code, size(f.steps) AS steps,
       o.cohort AS people, o.situation AS situation, o.people AS situationPeople, o.share AS share,
       o.shareLow AS shareLow, o.shareHigh AS shareHigh
ORDER BY CASE f.group WHEN 'field' THEN 0 WHEN 'domain' THEN 1 ELSE 2 END, situation
