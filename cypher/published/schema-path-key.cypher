// Purpose: one released path per key (its step codes joined by ';'), looked up by "where next" with a path so far.
// Parameters: none.
CREATE CONSTRAINT published_path_key IF NOT EXISTS FOR (p:Path) REQUIRE p.key IS UNIQUE
