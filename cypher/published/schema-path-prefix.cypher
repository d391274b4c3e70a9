// Purpose: the released paths that extend a given path by one step (its continuations).
// Parameters: none.
CREATE INDEX published_path_prefix IF NOT EXISTS FOR (p:Path) ON (p.prefix)
