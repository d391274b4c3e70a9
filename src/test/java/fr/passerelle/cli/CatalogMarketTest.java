package fr.passerelle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog market}: what of the catalogue's jobs the labour-market files cover, and what did not join. */
// It captures System.out: alone, so no other class prints into it.
@org.junit.jupiter.api.parallel.Isolated
class CatalogMarketTest {
    @Test
    void reportsTheJobsCoveredAndThoseThatDidNotJoin(@TempDir Path dir) throws Exception {
        Path market = Fixtures.marketFiles(dir.resolve("market"));
        Path catalogue = dir.resolve("catalogue.csv");
        Files.writeString(
                catalogue,
                "code,kind,label,domain,field,level,typical_months,aliases\n"
                        + "M1805,job,Études et développement informatique,M,M18,,,\n"
                        + "M1802,job,Expertise et support en systèmes d'information,M,M18,,,\n"
                        + "D1505,job,Personnel de caisse,D,D15,,,\n"
                        + "BTS-SIO,education,BTS SIO,M,M18,5,24,\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream before = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new picocli.CommandLine(new Main())
                    .execute("catalog", "market", "--market", market.toString(), "--catalogue", catalogue.toString());
        } finally {
            System.setOut(before);
        }
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, report);
        assertTrue(
                report.contains(
                        "3 catalogue jobs; 2 with a national tension, 1 with regional tensions, 1 with a median salary"),
                report);
        assertTrue(report.contains("not joined: D1505 (Personnel de caisse): no note"), report);
        assertTrue(report.contains("source: tensions.csv"), report);

        // Everything joined: exit 0.
        Files.writeString(
                catalogue, "code,kind,label,domain,field,level,typical_months,aliases\nM1805,job,Dev,M,M18,,,\n");
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            exit = new picocli.CommandLine(new Main())
                    .execute("catalog", "market", "--market", market.toString(), "--catalogue", catalogue.toString());
        } finally {
            System.setOut(before);
        }
        assertEquals(0, exit);
    }
}
