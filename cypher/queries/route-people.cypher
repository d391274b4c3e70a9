// Purpose: for chains of steps (composed routes), the released path of the same steps, if any: how many
// people followed the whole chain back to back (perturbed, at least k) and the median months from its
// first step to its last. Chains longer than 5 steps are never released.
// Parameters: $keys, the chains as codes joined by ';'.
// :param keys => ['BAC-STMG;BTS-MCO;D1301']
UNWIND $keys AS key
OPTIONAL MATCH (p:Path {key: key})
RETURN key, p.people AS people, p.medianMonths AS medianMonths
