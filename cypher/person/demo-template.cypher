// Purpose: whether this home's people came with the demo home the build prepares (person/forget-key):
// their pseudonyms were made under a key nobody holds, so the demo cannot be loaded into it again.
// Parameters: none.
// :param {}
OPTIONAL MATCH (m:Meta {name: 'graph'})
RETURN coalesce(m.demoTemplate, false) AS demoTemplate
