// Purpose: load the fit of an establishment's leavers in a job with the step's target jobs (private part): for
// a UAI, a step with target jobs, a number of months after its end and an exit cohort ('all' for every year), the
// people in a job of each class (target, sameField, sameDomain, otherDomain), perturbed and at least k, with
// their share of the people outside further study (in a job or elsewhere).
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'private/institution-fit.csv' AS row
MATCH (i:Institution {uai: row.uai})
CREATE (i)-[:HAS_FIT]->(:InstitutionFit {uai: row.uai, step: row.step, months: toInteger(row.months),
                                         exitCohort: row.exitCohort, inJob: toInteger(row.inJob),
                                         outsideStudy: toInteger(row.outsideStudy), situation: row.situation,
                                         people: toInteger(row.people), share: toFloat(row.share),
                                         shareLow: toFloat(row.shareLow), shareHigh: toFloat(row.shareHigh)})
