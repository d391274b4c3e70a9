// Purpose: load where an establishment's leavers of a step went next (private part): the leavers (at least
// the listed next steps added up) and each next step's people (perturbed, at least k) with its share.
// Parameters: $base, the folder holding the release's CSV files as a URL.
// :param {base: 'file:///'}
LOAD CSV WITH HEADERS FROM $base + 'private/institution-next.csv' AS row
MATCH (i:Institution {uai: row.uai})
CREATE (i)-[:SENT]->(:InstitutionNext {uai: row.uai, step: row.step, leaving: toInteger(row.leaving),
                                       next: row.next, people: toInteger(row.people), share: toFloat(row.share),
                                       shareLow: toFloat(row.shareLow), shareHigh: toFloat(row.shareHigh)})
