// Purpose: published graph schema: paths are looked up by their first step.
// Parameters: none.
CREATE INDEX published_path_first IF NOT EXISTS FOR (p:Path) ON (p.first)
