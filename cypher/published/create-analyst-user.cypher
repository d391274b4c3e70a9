// Purpose: the analysts' account on the published (read-only) instance, run against the system
// database when the instance is built. On Neo4j Community every user has the same rights; the
// instance itself is read-only and holds only the published layer. For Enterprise or Aura, see
// cypher/security/ (a role that can only read the published database).
// Parameters: $user, $password (at least 8 characters).
// :param {user: 'analyst', password: 'change-me-please'}
CREATE USER $user IF NOT EXISTS SET PASSWORD $password CHANGE NOT REQUIRED
