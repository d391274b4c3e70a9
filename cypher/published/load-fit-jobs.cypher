// Purpose: load the released jobs a step's leavers held N months after its end (perturbed, at least k),
// each with its situation against the step's target jobs (target, sameField, sameDomain, otherDomain).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'fit-jobs.csv' AS row
MATCH (s:Step {id: row.step}), (j:Step {id: row.job})
CREATE (s)-[:HAS_FIT_JOB]->(:FitJob {step: row.step, months: toInteger(row.months), job: row.job,
                                     situation: row.situation, people: toInteger(row.people)})-[:JOB]->(j)
