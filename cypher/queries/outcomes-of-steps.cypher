// Purpose: what became of the leavers of several steps, at several horizons, from the open release, in one read:
// each step's cohort and released situations (a job by ROME domain, further study, other) with shares. An
// establishment's summary sets its programmes beside the nation's with it.
// Parameters: $steps (list of codes), $months (list among 6, 12, 24, 36).
// :param {steps: ['BTS-MCO', 'LIC-SV'], months: [6, 12, 24]}
MATCH (o:Outcome)
WHERE o.step IN $steps AND o.months IN $months
RETURN o.step AS step, o.months AS months, o.cohort AS cohort, o.situation AS situation, o.people AS people,
       o.share AS share, o.shareLow AS shareLow, o.shareHigh AS shareHigh
ORDER BY step, months, situation
