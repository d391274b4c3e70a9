// Purpose: what became of a diploma's people some months after it ended: job (by ROME domain),
// further study, other, with people and share of the cohort observed that long.
// Objet : le devenir des personnes passées par un diplôme, quelques mois après la fin : emploi (par domaine ROME), poursuite d'études, autre situation, avec effectifs et parts.
// Parameters: $step (a step code), $months (6, 12 or 24).
// :param {step: 'BTS-MCO', months: 12}
MATCH (s:Step {id: $step})-[:HAS_OUTCOME]->(o:Outcome {months: $months})
RETURN o.situation AS situation, o.label AS label, o.people AS people, round(o.share * 100, 1) AS sharePercent, o.cohort AS cohort
ORDER BY people DESC
