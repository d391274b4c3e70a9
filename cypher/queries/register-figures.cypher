// Purpose: the live figures of the processing register: people held per source, the dataset
// version, the last retention purge, the size of the do-not-collect list.
// Parameters: none.
OPTIONAL MATCH (m:Meta {name: 'graph'})
CALL () {
  MATCH (p:Person)
  RETURN p.source AS source, count(*) AS people
  ORDER BY source
}
WITH m, collect({source: source, people: people}) AS sources
CALL () {
  MATCH (d:DoNotCollect)
  RETURN count(d) AS doNotCollect
}
RETURN coalesce(m.version, 0) AS version, toString(m.updatedAt) AS updatedAt, toString(m.lastPurge) AS lastPurge,
       [s IN sources WHERE s.source IS NOT NULL] AS sources, doNotCollect
