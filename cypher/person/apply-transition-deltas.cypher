// Purpose: add (or subtract) people to TRANSITION relationships and to their histogram of months
// between the start of one step and the start of the next (121 buckets, the last is "120 or more"),
// refresh the median, and delete a transition nobody makes any more.
// Parameters: $deltas, a list of {from, to, people, months: [121 integers]}.
// :param deltas => []
UNWIND $deltas AS d
MATCH (a:Step {id: d.from}), (b:Step {id: d.to})
MERGE (a)-[t:TRANSITION]->(b)
ON CREATE SET t.people = 0, t.months = [i IN range(0, 120) | 0]
SET t.people = t.people + d.people,
    t.months = [i IN range(0, 120) | t.months[i] + d.months[i]]
WITH t, reduce(acc = [], c IN t.months | acc + [coalesce(acc[-1], 0) + c]) AS cumulative
SET t.timedPeople = cumulative[-1],
    t.medianMonths = CASE WHEN cumulative[-1] = 0 THEN null ELSE size([c IN cumulative WHERE c * 2 < cumulative[-1]]) END
WITH t WHERE t.people <= 0
DELETE t
