// Purpose: which publication this graph is: its version, when it was published, the thresholds it
// was built with (k, minimum denominator) and how many people it counts.
// Objet : la publication que contient ce graphe : sa version, sa date, ses seuils (k, dénominateur minimal) et le nombre de personnes comptées.
// Parameters: none.
MATCH (m:Meta)
RETURN m.version, m.publishedAt, m.k, m.minDenominator, m.people
