// Tests only: every step's counts, to compare two graphs.
MATCH (s:Step)
RETURN s.id AS id, s.people AS people, s.peopleOut AS peopleOut, s.peopleIn AS peopleIn
ORDER BY id
