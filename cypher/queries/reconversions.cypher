// Purpose: changes of field from a job, from the release: people whose first later job in another ROME
// domain came within $maxSteps transitions, by domain (route = false) and by the steps in between
// (route = true; `via` empty for a direct move). Every count perturbed, at least k.
// Parameters: $step (a job code), $maxSteps (1..4).
// :param {step: 'D1505', maxSteps: 3}
MATCH (r:Reconversion {step: $step})
WHERE r.maxSteps = $maxSteps
RETURN r.toDomain AS toDomain, r:ReconversionRoute AS route, r.via AS via, r.people AS people
ORDER BY people DESC, toDomain
