// Purpose: load the released outcomes by exit cohort ("millésime"): for a step, a number of months after
// its end (6, 12, 24, 36) and the years its people left it (3-year bins: 2016-2018...), the cohort
// observed that long (cohort) and its people in a job, in further study or elsewhere (people; perturbed,
// at least k), with shares. A bin below k is not there: its people are in the step's all-years outcomes.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'outcome-cohorts.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:HAS_COHORT_OUTCOME]->(:CohortOutcome {step: row.step, months: toInteger(row.months),
                                                  exitCohort: row.exitCohort, cohort: toInteger(row.cohort),
                                                  situation: row.situation, people: toInteger(row.people),
                                                  share: toFloat(row.share), shareLow: toFloat(row.shareLow),
                                                  shareHigh: toFloat(row.shareHigh)})
