package fr.passerelle.graph;

import java.util.List;

/** Constraints and indexes from {@code cypher/schema/}, each written so that applying it twice is harmless. */
public final class Schema {
    static final List<String> STATEMENTS = List.of(
            "schema/step-id-unique",
            "schema/person-pid-unique",
            "schema/meta-name-unique",
            "schema/step-search-index",
            "schema/step-kind-index",
            "schema/person-source-index",
            "schema/person-collected-index",
            "schema/do-not-collect-pid-unique",
            "schema/consent-token-unique",
            "schema/consent-app-index");

    private Schema() {}

    public static void apply(Database db) {
        for (String name : STATEMENTS) {
            db.runSchema(name);
        }
        db.runSchema("schema/await-indexes");
    }
}
