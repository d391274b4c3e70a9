// Purpose: Enterprise / Aura: one analyst account with the analyst role (repeat per person; on Aura,
// users are managed in the console and roles mapped there).
// Run against the system database as an administrator. Not run by Passerelle.
// Parameters: $user, $password.
// :param {user: 'observatoire-idf', password: 'change-me-please'}
CREATE USER $user IF NOT EXISTS SET PASSWORD $password CHANGE REQUIRED
