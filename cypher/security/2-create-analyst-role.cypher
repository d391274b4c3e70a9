// Purpose: Enterprise / Aura: a role for analysts, with no privilege until granted below.
// Run against the system database as an administrator. Not run by Passerelle.
// Parameters: none.
CREATE ROLE analyst IF NOT EXISTS
