// Purpose: people whose record was last collected before the retention limit.
// Parameters: $before (ISO date): records collected before it are expired.
// :param before => '2024-11-28'
MATCH (p:Person)
WHERE p.collectedAt < date($before)
RETURN p.pid AS pid
