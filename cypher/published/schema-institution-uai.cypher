// Purpose: an establishment's released figures by its UAI (the private part's lookups).
// Parameters: none.
CREATE CONSTRAINT published_institution_uai IF NOT EXISTS FOR (i:Institution) REQUIRE i.uai IS UNIQUE
