// Purpose: one Person node per pseudonym (HMAC-SHA-256 of source and source identifier).
// Parameters: none. Idempotent.
CREATE CONSTRAINT person_pid_unique IF NOT EXISTS FOR (p:Person) REQUIRE p.pid IS UNIQUE
