// Purpose: the writers' lock, taken by each batch of a key rotation (which itself runs with no key
// check: it is the one writer allowed while the data is between two keys).
// Parameters: none.
MATCH (m:Meta {name: 'graph'})
SET m.lockedAt = datetime()
