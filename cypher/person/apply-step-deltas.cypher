// Purpose: add (or subtract) people to the per-step counts: people who passed through the step,
// who left it for another step (the denominator of "where next" shares), who came from another step.
// Parameters: $deltas, a list of {id, people, out, in}.
// :param deltas => []
UNWIND $deltas AS d
MATCH (s:Step {id: d.id})
SET s.people = s.people + d.people,
    s.peopleOut = s.peopleOut + d.out,
    s.peopleIn = s.peopleIn + d.in
