// Purpose: each person's ordered steps (codes only), read from the live graph to count the paths of
// three steps or more that a publication may show.
// Parameters: none.
MATCH (p:Person)
RETURN p.steps AS steps
