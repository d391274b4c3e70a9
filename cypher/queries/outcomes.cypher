// Purpose: what became of the people who finished a step, $months after its end, from the release: the
// cohort observed that long and the people in each situation (a job by ROME domain, further study,
// other), each perturbed and at least k, with its share of the cohort.
// Parameters: $step (code), $months (list among 6, 12, 24, 36).
// :param {step: 'BTS-MCO', months: [6, 12, 24]}
MATCH (o:Outcome {step: $step})
WHERE o.months IN $months
RETURN o.months AS months, o.cohort AS cohort, o.situation AS situation, o.domain AS domain, o.label AS label,
       o.people AS people, o.share AS share, o.shareLow AS shareLow, o.shareHigh AS shareHigh
ORDER BY months, people DESC, situation, domain
