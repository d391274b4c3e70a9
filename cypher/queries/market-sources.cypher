// Purpose: the public files the release's labour-market notes came from: file, what it holds, producer, year.
// Parameters: none.
MATCH (s:MarketSource)
RETURN s.file AS file, s.what AS what, s.producer AS producer, s.year AS year
ORDER BY file
