// Purpose: a step's released outcomes.
// Parameters: none.
CREATE INDEX published_outcome_step IF NOT EXISTS FOR (o:Outcome) ON (o.step)
