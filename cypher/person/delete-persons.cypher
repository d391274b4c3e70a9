// Purpose: remove people's per-person records (their aggregates are subtracted in the same transaction).
// Parameters: $pids, a list of pseudonyms.
// :param pids => []
UNWIND $pids AS pid
MATCH (p:Person {pid: pid})
DETACH DELETE p
