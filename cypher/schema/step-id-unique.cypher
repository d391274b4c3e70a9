// Purpose: one Step node per catalogue code (a diploma, a job as a ROME code, another situation).
// Parameters: none. Idempotent.
CREATE CONSTRAINT step_id_unique IF NOT EXISTS FOR (s:Step) REQUIRE s.id IS UNIQUE
