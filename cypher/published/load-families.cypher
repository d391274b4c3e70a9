// Purpose: load the released outcomes of the families a programme is compared with (the benchmark): the
// education steps of one level and professional field (group 'field', e.g. field:5:M18), of one level and
// grand domain ('domain', domain:5:M) and of one level ('level', level:5). For each family, a number of
// months after the end (6, 12, 24, 36): the leavers observed that long (cohort; each person once per family,
// at the first step of it they left) and its people in a job, in further study or elsewhere (people;
// perturbed, at least k), with shares. Counted from records, never summed from the steps' figures.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'families.csv' AS row
MERGE (f:Family {name: row.family})
  ON CREATE SET f.group = row.group, f.level = toInteger(row.level), f.code = row.code,
                f.steps = split(row.steps, '|')
CREATE (f)-[:HAS_FAMILY_OUTCOME]->(:FamilyOutcome {family: row.family, months: toInteger(row.months),
                                                  cohort: toInteger(row.cohort), situation: row.situation,
                                                  people: toInteger(row.people), share: toFloat(row.share),
                                                  shareLow: toFloat(row.shareLow),
                                                  shareHigh: toFloat(row.shareHigh)})
WITH f
UNWIND f.steps AS member
MATCH (s:Step {id: member})
MERGE (s)-[:IN_FAMILY]->(f)
