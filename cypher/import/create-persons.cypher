// Purpose: store people's pseudonymous records: the ordered steps (codes, months from year 0 or -1,
// INSEE region or ''), and one PASSED relationship per distinct step (pos = first position), which
// makes "how many people followed A ... B" a join on two steps instead of a scan.
// Parameters: $persons (list of maps: pid, rkey (the record key for cell-key perturbation), source, digest, steps, starts, ends, regions, passed),
// $keyId (HMAC key fingerprint), $collectedAt (ISO date).
// :param {persons: [], keyId: 'k-000000000000', collectedAt: '2026-11-28'}
UNWIND $persons AS x
CREATE (p:Person {pid: x.pid, rkey: x.rkey, keyId: $keyId, source: x.source, digest: x.digest, collectedAt: date($collectedAt),
                  steps: x.steps, starts: x.starts, ends: x.ends, regions: x.regions})
WITH p, x
UNWIND x.passed AS v
MATCH (s:Step {id: v.step})
CREATE (p)-[:PASSED {pos: v.pos}]->(s)
