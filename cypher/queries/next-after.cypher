// Purpose: "people like you": where the people who followed a path into a step went next, from the
// released paths. $key is the path so far and the step, codes joined by ';' (2 to 4 steps); `leaving` is
// the released number of them who went on (the share denominator); each row a released continuation
// (people perturbed, at least k; share of `leaving`; median months of that last transition,
// start to start and end to start).
// Parameters: $key (e.g. 'BAC-PRO-MCV;BTS-MCO').
// :param key => 'BAC-PRO-MCV;BTS-MCO'
OPTIONAL MATCH (p:Path {key: $key})
OPTIONAL MATCH (c:Path {prefix: $key})
OPTIONAL MATCH (n:Step {id: c.last})
RETURN p.leaving AS leaving, n.id AS id, n.kind AS kind, n.label AS label, n.domain AS domain,
       c.people AS people, c.share AS share, c.shareLow AS shareLow, c.shareHigh AS shareHigh, c.lastHopMonths AS medianMonths,
       c.lastHopAfterEndMonths AS afterEndMonths
ORDER BY people DESC, id
