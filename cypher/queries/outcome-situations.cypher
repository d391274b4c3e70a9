// Purpose: what became of the leavers of several steps, $months after their end, from the release, in one
// read: for each step its cohort and its released situations (a job by ROME domain, further study, other),
// each perturbed and at least k, with shares. The benchmark sets a programme beside its similar steps with it.
// Parameters: $steps (list of codes), $months (one of 6, 12, 24, 36).
// :param {steps: ['BTS-MCO', 'BTS-NDRC'], months: 12}
MATCH (o:Outcome)
WHERE o.step IN $steps AND o.months = $months
RETURN o.step AS step, o.cohort AS cohort, o.situation AS situation, o.people AS people, o.share AS share,
       o.shareLow AS shareLow, o.shareHigh AS shareHigh
ORDER BY step, situation
