// Purpose: whether the person layer is empty (a restore goes only into an empty one).
// Parameters: none.
// :param {}
OPTIONAL MATCH (p:Person)
WITH count(p) AS people
OPTIONAL MATCH (d:DoNotCollect)
RETURN people, count(d) AS listed
