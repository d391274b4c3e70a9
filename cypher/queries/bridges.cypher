// Purpose: for candidate bridges X (released destinations of $from), how many people did the whole route
// $from -> X -> target back to back, from the release: to a job of ROME domain $toDomain (BridgeRoute), or
// to the step $to (the 3-step Path). (How many went from X to the target at all comes from the released
// transitions, cypher/queries/published-transitions.cypher.)
// Parameters: $from (code), $bridges (candidate codes), $toDomain (letter A..N or null), $to (code or null).
// :param {from: 'J1501', bridges: ['DE-INFIRMIER', 'J1502', 'DE-AS'], toDomain: 'J', to: null}
UNWIND $bridges AS bridge
OPTIONAL MATCH (b:BridgeRoute {from: $from, bridge: bridge, toDomain: $toDomain})
OPTIONAL MATCH (p:Path {key: $from + ';' + bridge + ';' + $to})
WITH bridge, coalesce(b.people, p.people) AS wholeRoute
WHERE wholeRoute IS NOT NULL
RETURN bridge, wholeRoute
