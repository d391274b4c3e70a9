// Purpose: the stored version of the people in an import batch, to subtract what they contributed
// before adding their new version (replacement) or to skip them (identical digest); the publication
// window they were last written in (person/PendingChanges).
// Parameters: $pids, a list of pseudonyms.
// :param pids => ['0000000000000000000000000000000000000000000000000000000000000000']
UNWIND $pids AS pid
MATCH (p:Person {pid: pid})
RETURN p.pid AS pid, p.rkey AS rkey, p.digest AS digest, p.steps AS steps, p.starts AS starts, p.ends AS ends, p.regions AS regions, p.institutions AS institutions,
       p.window AS window, p.fresh AS fresh
