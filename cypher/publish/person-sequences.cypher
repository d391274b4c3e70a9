// Purpose: every person record as a publication counts it: record key (cell-key perturbation), source,
// ordered step codes, start and end months (-1 unknown), regions ('' unknown) and the month of the
// last collection (outcomes count only people observed long enough). Read by the publication only;
// never by a reader of the release.
// Parameters: none.
// :param {}
MATCH (p:Person)
RETURN p.pid AS pid, p.rkey AS rkey, p.source AS source, p.steps AS steps, p.starts AS starts, p.ends AS ends,
       p.regions AS regions, p.collectedAt.year * 12 + p.collectedAt.month - 1 AS collectedMonth
