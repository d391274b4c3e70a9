// Purpose: Enterprise / Aura: give the account the analyst role.
// Run against the system database as an administrator. Not run by Passerelle.
// Parameters: $user.
// :param {user: 'observatoire-idf'}
GRANT ROLE analyst TO $user
