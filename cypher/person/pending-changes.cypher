// Purpose: what the publication policy weighs: people changed since the last release, and the current
// publication window. Read by the publication only; never shown (an exact count of people).
// Parameters: none.
// :param {}
OPTIONAL MATCH (m:Meta {name: 'graph'})
RETURN coalesce(m.changes, 0) AS changes, coalesce(m.window, 0) AS window
