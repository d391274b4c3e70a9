// Tests only: how many people the person layer holds.
MATCH (p:Person)
RETURN count(p) AS people
