// Purpose: what became of the people who finished a step in one region, $months after its end, from the
// release: the cohort observed that long and its people in a job, in further study or elsewhere, each
// perturbed and at least k, with shares. No row for a horizon: fewer than k people of that region.
// Parameters: $step (code), $region (an INSEE region code, or 'unknown'), $months (list among 6, 12, 24, 36).
// :param {step: 'BTS-MCO', region: '11', months: [6, 12, 24]}
MATCH (o:RegionalOutcome {step: $step, region: $region})
WHERE o.months IN $months
RETURN o.months AS months, o.cohort AS cohort, o.situation AS situation, o.people AS people, o.share AS share,
       o.shareLow AS shareLow, o.shareHigh AS shareHigh
ORDER BY months, people DESC, situation
