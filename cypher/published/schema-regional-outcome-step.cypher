// Purpose: a step's released outcomes by region, looked up by step and region.
// Parameters: none.
CREATE INDEX published_regional_outcome_step IF NOT EXISTS FOR (o:RegionalOutcome) ON (o.step, o.region)
