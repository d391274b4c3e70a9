// Purpose: load what became of an establishment's leavers (private part): for a UAI, a step, a number of
// months after its end (6, 12, 24, 36) and an exit cohort (3-year bins, or 'all'), the cohort observed that
// long and its people in a job, in further study or elsewhere (perturbed, at least k), with shares.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'private/institution-outcomes.csv' AS row
MATCH (i:Institution {uai: row.uai})
CREATE (i)-[:HAS_OUTCOME]->(:InstitutionOutcome {uai: row.uai, step: row.step, months: toInteger(row.months),
                                                 exitCohort: row.exitCohort, cohort: toInteger(row.cohort),
                                                 situation: row.situation, people: toInteger(row.people),
                                                 share: toFloat(row.share), shareLow: toFloat(row.shareLow),
                                                 shareHigh: toFloat(row.shareHigh)})
