// Tests only: every person's stored trajectory and PASSED relationships.
MATCH (p:Person)
OPTIONAL MATCH (p)-[r:PASSED]->(s:Step)
WITH p, s.id AS step, r.pos AS pos ORDER BY pos
RETURN p.pid AS pid, p.steps AS steps, p.starts AS starts, p.ends AS ends, p.regions AS regions, collect([step, pos]) AS passed
ORDER BY pid
