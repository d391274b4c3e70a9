// Purpose: how many contributions an app key has sent since a time (the start of the UTC day): the
// per-key daily quota, so that one app cannot flood a release with invented people.
// Parameters: $app (the API key's name), $since (ISO date-time).
// :param {app: 'app1', since: '2026-11-30T00:00:00Z'}
MATCH (c:Consent {app: $app})
WHERE c.receivedAt >= datetime($since)
RETURN count(c) AS sent
