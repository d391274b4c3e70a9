// Purpose: put back backed-up do-not-collect entries as they were (key id, reason, date).
// Parameters: $entries (list of maps: pid, keyId, reason, since).
// :param {entries: []}
UNWIND $entries AS e
MERGE (d:DoNotCollect {pid: e.pid})
ON CREATE SET d.keyId = e.keyId, d.reason = e.reason, d.since = date(e.since)
