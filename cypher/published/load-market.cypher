// Purpose: load the labour-market notes on job steps, from public, non-personal files (they describe a
// job, never the release's people): per step and geography (FR or a region's INSEE code), the DARES /
// France Travail tension of its job family (FAP 225: category 1..5 and its six components, quintiles of
// 2014-2018) with the year and the ROME -> FAP crosswalk used, and France Travail's national median
// salary, job seekers and offers. Empty = not in the files.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'market.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:HAS_MARKET]->(:Market {step: row.step, geo: row.geo, year: toInteger(row.year), fap: row.fap,
                                    crosswalk: row.crosswalk, tensionCategory: toInteger(row.tensionCategory),
                                    tension: toFloat(row.tension), hiringIntensity: toInteger(row.hiringIntensity),
                                    trainingLink: toInteger(row.trainingLink),
                                    labourShortage: toInteger(row.labourShortage),
                                    nonDurableJobs: toInteger(row.nonDurableJobs),
                                    workingConditions: toInteger(row.workingConditions),
                                    geographicMismatch: toInteger(row.geographicMismatch),
                                    medianAnnualSalary: toInteger(row.medianAnnualSalary),
                                    medianHourlySalary: toFloat(row.medianHourlySalary),
                                    jobSeekers: toInteger(row.jobSeekers), offers: toInteger(row.offers),
                                    franceTravailTension: row.franceTravailTension})
