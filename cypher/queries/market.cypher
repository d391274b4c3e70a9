// Purpose: the labour-market notes of a job step nationally and, if asked, in one region, from the release
// (public, non-personal files: DARES / France Travail tension of its job family, France Travail's national
// median salary, job seekers and offers), with the sources they came from.
// Parameters: $step (code), $geos (['FR'] or ['FR', region INSEE code]).
// :param {step: 'M1805', geos: ['FR', '84']}
MATCH (:Step {id: $step})-[:HAS_MARKET]->(m:Market)
WHERE m.geo IN $geos
RETURN m.geo AS geo, m.year AS year, m.fap AS fap, m.crosswalk AS crosswalk, m.tensionCategory AS tensionCategory,
       m.tension AS tension, m.hiringIntensity AS hiringIntensity, m.trainingLink AS trainingLink,
       m.labourShortage AS labourShortage, m.nonDurableJobs AS nonDurableJobs,
       m.workingConditions AS workingConditions, m.geographicMismatch AS geographicMismatch,
       m.medianAnnualSalary AS medianAnnualSalary, m.medianHourlySalary AS medianHourlySalary,
       m.jobSeekers AS jobSeekers, m.offers AS offers, m.franceTravailTension AS franceTravailTension
ORDER BY geo
