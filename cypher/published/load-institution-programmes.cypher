// Purpose: load an establishment's programmes (private part): for a UAI and a step taken there, its people
// by entry cohort (3-year bins of the year they started it) and for every year ('all'), each perturbed and
// at least k; every year is at least its cohorts added up.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'private/institution-programmes.csv' AS row
MATCH (i:Institution {uai: row.uai})
CREATE (i)-[:TEACHES]->(:InstitutionProgramme {uai: row.uai, step: row.step, entryCohort: row.entryCohort,
                                                people: toInteger(row.people)})
