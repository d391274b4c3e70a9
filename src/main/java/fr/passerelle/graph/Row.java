package fr.passerelle.graph;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * One row of a named query, read by column name. Unlike the driver's record, asking for a column the
 * query does not return is an error naming the query and its columns, not a silent null: in a
 * release, null means "not released", and a misspelt column must never pass for one.
 */
public final class Row {
    private final String query;
    private final Record record;

    public Row(String query, Record record) {
        this.query = query;
        this.record = record;
    }

    public Value get(String column) {
        if (!record.containsKey(column)) {
            throw new IllegalStateException(
                    "cypher/" + query + ".cypher returns no column " + column + " (it returns " + record.keys() + ")");
        }
        return record.get(column);
    }

    /** The column as a string, null when the release holds none. */
    public String text(String column) {
        Value v = get(column);
        return v.isNull() ? null : v.asString();
    }

    /** The column as a number, null when the release holds none ("not released"). */
    public Long count(String column) {
        Value v = get(column);
        return v.isNull() ? null : v.asLong();
    }

    public Integer integer(String column) {
        Value v = get(column);
        return v.isNull() ? null : v.asInt();
    }

    public String query() {
        return query;
    }
}
