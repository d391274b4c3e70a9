// Purpose: a region's released first-job flows, looked up by region.
// Parameters: none.
CREATE INDEX published_first_job_flow_region IF NOT EXISTS FOR (f:FirstJobFlow) ON (f.region)
