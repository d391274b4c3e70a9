// Purpose: an establishment's people and what became of its leavers of every programme, every exit year
// together (private part, read with its own key): one read for the programmes' summary instead of one per
// programme. One row per programme, horizon and situation; people is null where the establishment has none
// released (fewer than k).
// Parameters: $uai, $months (list among 6, 12, 24, 36).
// :param {uai: '0490970N', months: [6, 12, 24]}
MATCH (i:Institution {uai: $uai})
OPTIONAL MATCH (i)-[:HAS_OUTCOME]->(o:InstitutionOutcome {exitCohort: 'all'})
WHERE o.months IN $months
RETURN i.people AS institutionPeople, o.step AS step, o.months AS months, o.exitCohort AS exitCohort,
       o.cohort AS people, o.situation AS situation, o.people AS situationPeople, o.share AS share,
       o.shareLow AS shareLow, o.shareHigh AS shareHigh
ORDER BY step, months, situation
