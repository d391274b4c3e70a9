// Purpose: a ROME domain's label by its letter (A to N), as the release names it.
// Parameters: $code (a letter).
// :param {code: 'D'}
MATCH (d:Domain {code: $code})
RETURN d.label AS label
