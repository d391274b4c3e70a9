// Purpose: add pseudonyms to the do-not-collect list (kept with the key id, so a key rotation can
// re-key them, and the reason: erasure, withdrawn, retention is not one: expired records may be collected again).
// Parameters: $pids (pseudonyms), $keyId, $reason ('erasure' or 'withdrawn'), $at (ISO date).
// :param {pids: [], keyId: 'k-000000000000', reason: 'erasure', at: '2026-11-28'}
UNWIND $pids AS pid
MERGE (d:DoNotCollect {pid: pid})
ON CREATE SET d.keyId = $keyId, d.reason = $reason, d.since = date($at)
