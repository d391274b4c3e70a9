// Purpose: the dataset version every answer cites as evidence (bumped by each import that changes data),
// when it last changed and when the last retention purge ran; on the release graph, the release's version,
// whether it holds synthetic demo people only, and the noise's maximum (every count is within it).
// Parameters: none.
// :param {}
MATCH (m:Meta {name: 'graph'})
RETURN m.version AS version, toString(m.updatedAt) AS updatedAt, toString(m.lastPurge) AS lastPurge,
       toString(m.publishedAt) AS publishedAt, coalesce(m.synthetic, false) AS synthetic, m.maxNoise AS maxNoise
