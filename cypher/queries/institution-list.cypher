// Purpose: the establishments of the release (private part, for administrators): each UAI with its people
// (null below k) and how many of its programmes are released.
// Parameters: none.
// :param {}
MATCH (i:Institution)
OPTIONAL MATCH (i)-[:TEACHES]->(p:InstitutionProgramme {entryCohort: 'all'})
RETURN i.uai AS uai, i.people AS people, count(p) AS programmes
ORDER BY uai
