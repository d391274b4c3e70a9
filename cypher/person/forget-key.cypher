// Purpose: makes the demo home the build prepares ("DemoHome") safe to copy. Its synthetic people were
// pseudonymised under a key that is destroyed with the build; the graph forgets which key that was (on the
// Meta node and on every record), so the home that copies the template claims the data with its own, new key
// at its first write (person/lock), a key rotation there re-keys only the records made under its own keys
// (lifecycle/persons-to-rekey skips these), and no key file ever travels. It also marks the home, so that
// loading the demo again into it is refused (the same people would come back under the new key as 20,000
// others).
// Parameters: none.
// :param {}
MERGE (m:Meta {name: 'graph'})
ON CREATE SET m.version = 0
REMOVE m.keyId
SET m.demoTemplate = true
WITH m
CALL {
  MATCH (p:Person)
  REMOVE p.keyId
}
CALL {
  MATCH (d:DoNotCollect)
  REMOVE d.keyId
}
