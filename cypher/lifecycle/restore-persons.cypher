// Purpose: put backed-up person records back, each with its own key id and collection date, and one
// PASSED relationship per distinct step (pos = first position), as the importer writes them.
// Parameters: $persons (list of maps: pid, rkey, keyId, source, digest, collectedAt, steps, starts, ends, regions, institutions (null: none), passed, contributor:
// the app key of a contribution, null otherwise).
// :param {persons: []}
UNWIND $persons AS x
CREATE (p:Person {pid: x.pid, rkey: x.rkey, keyId: x.keyId, source: x.source, digest: x.digest, collectedAt: date(x.collectedAt),
                  steps: x.steps, starts: x.starts, ends: x.ends, regions: x.regions, institutions: x.institutions, contributor: x.contributor})
WITH p, x
UNWIND x.passed AS v
MATCH (s:Step {id: v.step})
CREATE (p)-[:PASSED {pos: v.pos}]->(s)
