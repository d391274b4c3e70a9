// Purpose: Enterprise / Aura: make sure no later grant on all databases opens the live one to analysts.
// Run against the system database as an administrator. Not run by Passerelle.
// Parameters: none.
DENY ACCESS ON DATABASE neo4j TO analyst
