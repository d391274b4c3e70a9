// Purpose: first jobs against the region people were trained in, for one region and education level, from the
// release: direction 'out' (people whose last education step before their first job was in the region) and 'in'
// (first jobs taken in the region), each with the first jobs, those in the same region, in another one, in a
// region not collected, and the other regions named (each perturbed, at least k, with shares).
// Parameters: $region (an INSEE region code, or 'unknown'), $level (3..8, or 0 for every level).
// :param {region: '11', level: 0}
MATCH (f:FirstJobFlow {region: $region})
WHERE f.level = $level
RETURN f.direction AS direction, f.firstJobs AS firstJobs, f.kind AS kind, f.otherRegion AS otherRegion,
       f.people AS people, f.share AS share, f.shareLow AS shareLow, f.shareHigh AS shareHigh
ORDER BY direction DESC, kind, people DESC, otherRegion
