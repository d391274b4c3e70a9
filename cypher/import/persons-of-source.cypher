// Purpose: the pseudonyms of every person of one source (to erase those absent from a full refresh).
// Parameters: $source.
// :param source => 'univ-angers'
MATCH (p:Person {source: $source})
RETURN p.pid AS pid
