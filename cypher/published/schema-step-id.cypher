// Purpose: published graph schema: one Step per code, looked up by id (the API's queries and the
// analysts' queries all start from a step).
// Parameters: none.
CREATE CONSTRAINT published_step_id IF NOT EXISTS FOR (s:Step) REQUIRE s.id IS UNIQUE
