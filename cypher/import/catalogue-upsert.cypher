// Purpose: create or update Step nodes from the catalogue; counts start at zero and are kept.
// Parameters: $steps, a list of {id, kind, label, domain, field, level, typicalMonths, search, targets,
// targetSource} (targets: the ROME codes an education step's certification prepares for, [] for none).
// :param steps => [{id: 'M1805', kind: 'job', label: 'Études et développement informatique', domain: 'M', field: 'M18', level: null, typicalMonths: null, search: 'etudes et developpement informatique m1805', targets: [], targetSource: null}]
UNWIND $steps AS x
MERGE (s:Step {id: x.id})
ON CREATE SET s.people = 0, s.peopleOut = 0, s.peopleIn = 0
SET s.kind = x.kind, s.label = x.label, s.domain = x.domain, s.field = x.field, s.level = x.level,
    s.typicalMonths = x.typicalMonths, s.search = x.search, s.targets = x.targets, s.targetSource = x.targetSource
