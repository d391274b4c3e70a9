// Purpose: an establishment's programmes (private part, read with its own key): each step taken there with
// its people by entry cohort and for every year ('all'), and its label from the release's steps.
// Parameters: $uai.
// :param {uai: '0490970N'}
MATCH (:Institution {uai: $uai})-[:TEACHES]->(p:InstitutionProgramme)
OPTIONAL MATCH (s:Step {id: p.step})
RETURN p.step AS step, s.label AS label, s.kind AS kind, p.entryCohort AS entryCohort, p.people AS people
ORDER BY step, entryCohort
