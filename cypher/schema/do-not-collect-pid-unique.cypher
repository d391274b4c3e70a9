// Purpose: one do-not-collect tombstone per pseudonym: erased or withdrawn people, never collected again.
// Parameters: none. Idempotent.
CREATE CONSTRAINT do_not_collect_pid_unique IF NOT EXISTS FOR (d:DoNotCollect) REQUIRE d.pid IS UNIQUE
