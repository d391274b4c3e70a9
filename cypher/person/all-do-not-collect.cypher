// Purpose: the whole do-not-collect list, so a bulk rebuild keeps it and honours it.
// Parameters: none.
MATCH (d:DoNotCollect)
RETURN d.pid AS pid, d.keyId AS keyId, d.reason AS reason, toString(d.since) AS since
