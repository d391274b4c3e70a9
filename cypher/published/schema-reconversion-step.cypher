// Purpose: a job's released reconversions and their routes.
// Parameters: none.
CREATE INDEX published_reconversion_step IF NOT EXISTS FOR (r:Reconversion) ON (r.step)
