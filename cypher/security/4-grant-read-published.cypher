// Purpose: Enterprise / Aura: analysts may read (MATCH) everything in the published database and
// write nothing (no WRITE, no schema, no administration privilege is granted).
// Run against the system database as an administrator. Not run by Passerelle.
// Parameters: none.
GRANT MATCH {*} ON GRAPH published TO analyst
