// Purpose: load the published paths: sequences of 3 to 5 consecutive steps that at least k people
// followed, each linked to its steps in order (THROUGH {position}).
// Parameters: $base, the folder holding the publication's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'paths.csv' AS row
WITH row, split(row.steps, ';') AS steps
CREATE (p:Path {steps: steps, length: size(steps), people: toInteger(row.people), first: steps[0], last: steps[-1]})
WITH p, steps
UNWIND range(0, size(steps) - 1) AS i
MATCH (s:Step {id: steps[i]})
CREATE (p)-[:THROUGH {position: i}]->(s)
