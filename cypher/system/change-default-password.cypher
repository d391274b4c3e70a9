// Purpose: on the system database of an embedded store first opened without authentication (before
// Bolt needed a password), replace the default password of the neo4j user with the generated one.
// Parameters: $password (at least 8 characters).
// :param {password: 'a-long-generated-password'}
ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $password
