// Purpose: wait until every index is online before the first query uses it.
// Parameters: none.
CALL db.awaitIndexes(300)
