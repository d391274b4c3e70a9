// Purpose: where an establishment's leavers of one step went next (private part, read with its own key):
// the leavers and each released next step with its label, people and share, most people first.
// Parameters: $uai, $step (code).
// :param {uai: '0490970N', step: 'MASTER-MEEF'}
MATCH (:Institution {uai: $uai})-[:SENT]->(n:InstitutionNext)
WHERE n.step = $step
OPTIONAL MATCH (s:Step {id: n.next})
RETURN n.leaving AS leaving, n.next AS next, s.label AS label, s.kind AS kind, n.people AS people,
       n.share AS share, n.shareLow AS shareLow, n.shareHigh AS shareHigh
ORDER BY people DESC, next
