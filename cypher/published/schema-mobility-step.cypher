// Purpose: a step's released mobility rows, looked up by step.
// Parameters: none.
CREATE INDEX published_mobility_step IF NOT EXISTS FOR (m:Mobility) ON (m.step)
