// Purpose: steps by how many people arrived at them from another step (the popularity baseline of
// the quality evaluation); only steps at least k people arrived at.
// Parameters: $k.
// :param k => 11
MATCH (s:Step)
WHERE s.peopleIn >= $k
RETURN s.id AS id, s.peopleIn AS people
ORDER BY people DESC, id
