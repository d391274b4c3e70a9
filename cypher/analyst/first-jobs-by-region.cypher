// Purpose: which regions keep their graduates: for every region, the people trained there (their last education
// step before their first job) who took that first job in the same region, with the share and its 95% interval,
// the regions keeping the most first. One education level, or 0 for every level; a region under k is not shown.
// Objet : quelles régions gardent leurs diplômés : pour chaque région, les personnes formées là (dernière formation
// avant le premier emploi) qui y ont pris leur premier emploi, avec la part et son intervalle à 95 %.
// Parameters: $level (3 CAP ... 8 doctorate, or 0 for every level).
// :param {level: 0}
MATCH (f:FirstJobFlow {direction: 'out', kind: 'same'})
WHERE f.level = $level
OPTIONAL MATCH (g:Region {code: f.region})
RETURN f.region AS region, g.name AS name, f.firstJobs AS peopleWithFirstJob, f.people AS sameRegion,
       round(f.share * 100, 1) AS sharePercent, round(f.shareLow * 100, 1) AS lowPercent,
       round(f.shareHigh * 100, 1) AS highPercent
ORDER BY f.share DESC, region
