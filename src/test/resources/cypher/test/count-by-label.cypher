// Purpose (tests): what a release store holds, as nodes per label, to compare two stores of one release.
// Parameters: none.
// :param {}
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
