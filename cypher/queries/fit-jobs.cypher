// Purpose: the jobs a step's leavers held $months after its end, from the release, each with its
// situation against the step's target jobs and its people (perturbed, at least k), most held first.
// Parameters: $step (code), $months (6, 12, 24 or 36).
// :param {step: 'BTS-MCO', months: 12}
MATCH (:Step {id: $step})-[:HAS_FIT_JOB]->(x:FitJob {months: $months})
RETURN x.job AS job, x.situation AS situation, x.people AS people
ORDER BY people DESC, job
