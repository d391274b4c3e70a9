// Purpose: removes the reader's account from a release instance being cleared, so that nobody who could read
// the previous release can read the next one with the same password. Run against the system database.
// Parameters: $user.
// :param {user: 'api'}
DROP USER $user IF EXISTS
