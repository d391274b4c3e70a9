// Purpose: the Meta node holds the dataset version; writers lock it so aggregates stay exact.
// Parameters: none. Idempotent.
CREATE CONSTRAINT meta_name_unique IF NOT EXISTS FOR (m:Meta) REQUIRE m.name IS UNIQUE
