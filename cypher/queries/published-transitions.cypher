// Purpose: every released transition with the released leavers of its origin (the share denominator), its
// share and median months: what composed routes, bridges and similar steps are computed from, in memory.
// Parameters: none.
// :param {}
MATCH (a:Step)-[t:TRANSITION]->(b:Step)
RETURN a.id AS from, b.id AS to, t.people AS people, a.peopleOut AS fromOut, t.share AS share, t.shareLow AS shareLow,
       t.shareHigh AS shareHigh, t.medianMonths AS medianMonths
