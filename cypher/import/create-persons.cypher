// Purpose: store people's pseudonymous records: the ordered steps (codes, months from year 0 or -1,
// INSEE region or ''; the establishment's UAI or '', only when some step has one), and one PASSED relationship per distinct step (pos = first position), which
// makes "how many people followed A ... B" a join on two steps instead of a scan.
// window (the publication window it is written in) and fresh (new in that window) say what the next
// release weighs (person/PendingChanges); contributor is the app key a contribution came through (null
// otherwise), so that no app key can lift a released cell over k.
// Parameters: $persons (list of maps: pid, rkey (the record key for cell-key perturbation), source, digest, steps, starts, ends, regions, institutions (null when no step has an establishment), passed, window, fresh, contributor),
// $keyId (HMAC key fingerprint), $collectedAt (ISO date).
// :param {persons: [], keyId: 'k-000000000000', collectedAt: '2026-11-28'}
UNWIND $persons AS x
CREATE (p:Person {pid: x.pid, rkey: x.rkey, keyId: $keyId, source: x.source, digest: x.digest, collectedAt: date($collectedAt),
                  steps: x.steps, starts: x.starts, ends: x.ends, regions: x.regions, institutions: x.institutions,
                  window: x.window, fresh: x.fresh, contributor: x.contributor})
WITH p, x
UNWIND x.passed AS v
MATCH (s:Step {id: v.step})
CREATE (p)-[:PASSED {pos: v.pos}]->(s)
