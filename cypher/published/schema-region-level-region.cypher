// Purpose: a region's released outcomes by education level, looked up by region.
// Parameters: none.
CREATE INDEX published_region_level_region IF NOT EXISTS FOR (o:RegionLevelOutcome) ON (o.region)
