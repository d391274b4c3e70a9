// Purpose: every person record as a publication counts it: record key (cell-key perturbation), source,
// ordered step codes, start and end months (-1 unknown), regions ('' unknown), establishments' UAI (null
// when the record names none, '' for a step without) and the month of the
// last collection (outcomes count only people observed long enough), and the app key of a contribution
// (contributed people never lift a cell over k). Read in $parts parts (by record
// key), in parallel; the pseudonym only for records stored before record keys existed. Read by the
// publication only; never by a reader of the release.
// Parameters: $parts (how many parts), $part (this one, 0..parts-1).
// :param {parts: 1, part: 0}
MATCH (p:Person)
WHERE coalesce(p.rkey, 0) % $parts = $part
RETURN CASE WHEN p.rkey IS NULL THEN p.pid END AS pid, p.rkey AS rkey, p.source AS source, p.steps AS steps,
       p.starts AS starts, p.ends AS ends, p.regions AS regions, p.institutions AS institutions,
       p.collectedAt.year * 12 + p.collectedAt.month - 1 AS collectedMonth, p.contributor AS contributor
