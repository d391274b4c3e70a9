// Purpose: Enterprise / Aura: analysts may connect to the published database only (no ACCESS to the
// live database, which holds per-person records and the do-not-collect list).
// Run against the system database as an administrator. Not run by Passerelle.
// Parameters: none.
GRANT ACCESS ON DATABASE published TO analyst
