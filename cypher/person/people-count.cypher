// Purpose: how many people the database holds (per-person layer; never published as such below k).
// Parameters: none.
MATCH (p:Person)
RETURN count(p) AS people
