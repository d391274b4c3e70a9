// Tests only: every property of every node and relationship, as text, for the identifier scan.
CALL () {
  MATCH (n) UNWIND keys(n) AS key RETURN labels(n)[0] AS owner, key, n[key] AS value
  UNION ALL
  MATCH ()-[r]->() UNWIND keys(r) AS key RETURN type(r) AS owner, key, r[key] AS value
}
RETURN owner, key, value
