// Purpose: load InserJeunes' national final-year students per millésime of the release's vocational steps
// (public, non-personal figures, joined through the certifications' CFD), so that an answer can say how
// much of a year's official cohort the release holds.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'official-headcounts.csv' AS row
MATCH (s:Step {id: row.step})
CREATE (s)-[:HAS_HEADCOUNT]->(:OfficialHeadcount {step: row.step, finalYearPerYear: toInteger(row.finalYearPerYear),
                                                  millesimes: row.millesimes, officialSource: row.officialSource})
