package fr.passerelle.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.ingest.ImportReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records full of names, emails, URLs and phone numbers, in every field (labels, identifiers, regions,
 * unknown fields), are imported; then every property of every node and relationship is scanned.
 */
class IdentifierScanTest {
    static final List<String> SECRETS = List.of(
            "Camille",
            "Dupont",
            "camille.dupont@example.org",
            "linkedin.com/in/camille",
            "+33 6 12 34 56 78",
            "0612345678",
            "12 rue des Lilas",
            "Marseille",
            "Lycée Jean Moulin");
    static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    static final Pattern URL = Pattern.compile("(?i)(https?://|www\\.|\\.com/|\\.org/)");
    static final Pattern PHONE = Pattern.compile("(?<![0-9a-fA-F])(\\+33|0)[1-9]([ .-]?\\d{2}){4}(?![0-9a-fA-F])");
    /** A hex string (a pseudonym) is not a phone number even where it holds a run of digits. */
    @TempDir
    Path dir;

    @Test
    void noIdentifierReachesAnyPropertyOfAnyNodeOrRelationship() {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            lines.add("{\"source\":\"univ-angers\",\"id\":\"https://linkedin.com/in/camille-" + i
                    + " camille.dupont@example.org\","
                    + "\"name\":\"Camille Dupont\",\"email\":\"camille.dupont@example.org\",\"phone\":\"+33 6 12 34 56 78\","
                    + "\"photo\":\"https://cdn.example.org/camille.jpg\",\"about\":\"Passionnée, 12 rue des Lilas, Marseille\","
                    + "\"steps\":["
                    + "{\"kind\":\"education\",\"code\":\"BAC-STMG\",\"label\":\"Bac STMG au Lycée Jean Moulin avec Camille Dupont\","
                    + "\"start\":\"2015-09-01\",\"end\":\"2017-06-30\",\"region\":\"12 rue des Lilas, Marseille\",\"school\":\"Lycée Jean Moulin\"},"
                    + "{\"kind\":\"education\",\"code\":\"BTS-MCO\",\"label\":\"BTS MCO — contact camille.dupont@example.org\","
                    + "\"start\":\"2017-09\",\"region\":\"Provence-Alpes-Côte d'Azur\",\"tutor\":\"0612345678\"},"
                    + "{\"kind\":\"job\",\"code\":\"D1301\",\"label\":\"Manager chez Dupont SARL, linkedin.com/in/camille\","
                    + "\"start\":\"2019-10\",\"region\":\"dep:13\",\"employer\":\"Dupont SARL\"}]}");
        }
        // An unknown code full of identifiers must be rejected, not stored.
        lines.add(
                "{\"source\":\"univ-angers\",\"id\":\"x\",\"steps\":[{\"kind\":\"job\",\"code\":\"camille.dupont@example.org\"}]}");
        ImportReport report = Fixtures.importer(db, 100)
                .importFiles(List.of(Fixtures.write(dir, "pii.jsonl", lines)), false, n -> {});
        assertEquals(15, report.added());
        assertEquals(1, report.skipped());
        assertTrue(
                report.droppedFields()
                        .keySet()
                        .containsAll(List.of(
                                "name",
                                "email",
                                "phone",
                                "photo",
                                "about",
                                "steps[].school",
                                "steps[].tutor",
                                "steps[].employer")),
                report.droppedFields().toString());

        List<Map<String, Object>> properties = db.read("test/all-properties", Map.of(), r -> r.asMap());
        assertTrue(properties.size() > 1000, "the scan sees the whole graph");
        for (Map<String, Object> p : properties) {
            String value = String.valueOf(p.get("value"));
            String where = p.get("owner") + "." + p.get("key") + " = " + value;
            for (String secret : SECRETS) {
                assertTrue(!value.toLowerCase().contains(secret.toLowerCase()), "found \"" + secret + "\" in " + where);
            }
            assertTrue(!EMAIL.matcher(value).find(), "email in " + where);
            assertTrue(!URL.matcher(value).find(), "URL in " + where);
            assertTrue(!PHONE.matcher(value).find(), "phone in " + where);
        }
        // The person layer holds steps, months and regions only.
        Map<String, Object> person =
                db.read("test/snapshot-persons", Map.of(), r -> r.asMap()).get(0);
        assertEquals(List.of("BAC-STMG", "BTS-MCO", "D1301"), person.get("steps"));
        assertEquals(List.of("", "93", "93"), person.get("regions"));
    }
}
