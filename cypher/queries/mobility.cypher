// Purpose: where the people who left a step work $months after its end, by the region they took it in,
// from the release: per region of the step, the people in a job, those working in the same region, in
// another one, or where the job's region is unknown, and the regions the others went to, with shares.
// Parameters: $step (code), $months (one of 6, 12, 24, 36).
// :param {step: 'BTS-MCO', months: 12}
MATCH (m:Mobility {step: $step, months: $months})
RETURN m.region AS region, m.working AS working, m.kind AS kind, m.destination AS destination,
       m.people AS people, m.share AS share, m.shareLow AS shareLow, m.shareHigh AS shareHigh
ORDER BY region, kind, people DESC
