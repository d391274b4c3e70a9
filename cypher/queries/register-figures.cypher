// Purpose: the figures of the processing register, from the release: its version and date, people
// counted in all and per source, the do-not-collect list's size (each perturbed like every count), and the
// public, non-personal files shipped with it (the labour-market notes).
// Parameters: none.
// :param {}
OPTIONAL MATCH (m:Meta {name: 'graph'})
CALL () {
  MATCH (s:Source)
  RETURN collect({source: s.name, people: s.people}) AS sources
}
CALL () {
  MATCH (x:MarketSource)
  RETURN collect({file: x.file, what: x.what, producer: x.producer, year: x.year}) AS nonPersonal
}
RETURN coalesce(m.version, 0) AS version, toString(m.updatedAt) AS updatedAt, toString(m.publishedAt) AS publishedAt,
       toString(m.lastPurge) AS lastPurge,
       m.people AS people, sources, nonPersonal, m.doNotCollect AS doNotCollect, m.consentWithdrawals AS consentWithdrawals, m.maxNoise AS maxNoise, m.noiseVariance AS noiseVariance
