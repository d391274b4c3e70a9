// Purpose: empties a release instance the API has moved on from, before it takes the next release (the schema
// stays: every release has the same). Run on the instance's own database, never on the person store.
// Parameters: none.
// :param {}
MATCH (n)
CALL {
  WITH n
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
