// Purpose: how many nodes a release instance holds: none before a release is loaded into it (what a cleared
// instance must show), checked before every load.
// Parameters: none.
// :param {}
MATCH (n)
RETURN count(n) AS nodes
