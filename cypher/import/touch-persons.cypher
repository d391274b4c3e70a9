// Purpose: record that unchanged people were collected again (the retention clock restarts).
// Parameters: $pids (pseudonyms), $collectedAt (ISO date).
// :param {pids: [], collectedAt: '2026-11-28'}
UNWIND $pids AS pid
MATCH (p:Person {pid: pid})
SET p.collectedAt = date($collectedAt)
