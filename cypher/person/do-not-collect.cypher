// Purpose: which of these pseudonyms are on the do-not-collect list (erased or withdrawn people):
// every import skips them before anything else.
// Parameters: $pids, a list of pseudonyms.
// :param pids => []
UNWIND $pids AS pid
MATCH (d:DoNotCollect {pid: pid})
RETURN d.pid AS pid
