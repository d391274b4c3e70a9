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

    /**
     * What a store prepared with these statements and these catalogue rows was prepared with: equal fingerprints, same
     * schema and steps.
     */
    public static String fingerprint(List<java.util.Map<String, Object>> catalogueRows) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String name : STATEMENTS) {
                sha.update(Cypher.load(name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            sha.update(Cypher.load("import/catalogue-upsert").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // Rows in any order (the catalogue's own varies from run to run), each with its fields sorted.
            catalogueRows.stream()
                    .map(row -> new java.util.TreeMap<>(row).toString())
                    .sorted()
                    .forEach(row -> sha.update(row.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void apply(Database db) {
        for (String name : STATEMENTS) {
            db.runSchema(name);
        }
        db.runSchema("schema/await-indexes");
    }
}
