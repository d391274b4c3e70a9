// Purpose: Enterprise / self-managed cluster alternative to the separate read-only instance: a
// database `published` beside the live one, loaded with the publication's CSV files by the
// publication's load.cypher (cypher/published/*). Run against the system database as an administrator.
// Not run by Passerelle (Neo4j Community has a single user database and no roles).
// Parameters: none.
CREATE DATABASE published IF NOT EXISTS
