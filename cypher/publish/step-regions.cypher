// Purpose: how many distinct people were at each step in each region (where the region is known),
// read from the live graph to build a publication's regional breakdown.
// Parameters: none.
MATCH (p:Person)
UNWIND range(0, size(p.steps) - 1) AS i
WITH DISTINCT p, p.steps[i] AS step, p.regions[i] AS region
WHERE region IS NOT NULL AND region <> ''
RETURN step, region, count(p) AS people
ORDER BY step, region
