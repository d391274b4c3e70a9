package fr.passerelle.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog targets}: the target jobs of each step refreshed from the official files, rows and other
 * columns kept, what does not join reported and its old list kept.
 */
class TargetJobsRefreshTest {
    @Test
    void refreshesFromCertifInfoAndTheRncpAndReportsWhatDidNotJoin(@TempDir Path dir) throws Exception {
        Path diplomas = Files.createDirectories(dir.resolve("diplomas"));
        Files.writeString(
                diplomas.resolve("formation_rome.csv"),
                "Code_Diplome;Libelle_Diplome;Date_MaJ;Code_Rome_1;Code_Rome_2;Code_Rome_3;Code_Rome_4;Code_Rome_5;Code_RNCP\n"
                        + "106519;BTS SIO option B;12/03/2024;M1801;M1805;M1810;;;35340\n"
                        + "106517;BTS SIO option A;12/03/2024;M1801;M1805;M1802;;;35340\n");
        // rncp_rome has unnamed trailing columns, as the official file does.
        Files.writeString(
                diplomas.resolve("rncp_rome.v1.4.utf8.csv"),
                "CodeRNCP;EtatFiche;Rome;libelle;;\nRNCP24423;;K1903;Défense;;\nRNCP24423;;K1901;Aide;;\n");
        Path catalogue = dir.resolve("catalogue.csv");
        Files.writeString(
                catalogue,
                "code,kind,label,domain,field,level,typical_months,aliases,certifications,targets,targets_source\n"
                        + "BTS-SIO,education,BTS SIO,M,M18,5,24,bts sio,106519|106517,,\n"
                        + "LIC-DROIT,education,Licence Droit,M,M14,6,36,,RNCP24423,,\n"
                        + "OLD,education,Old diploma,,,4,24,,99999,M1203,kept\n"
                        + "M1805,job,Études et développement informatique,M,M18,,,dev,,,\n");
        Path out = dir.resolve("refreshed.csv");
        TargetJobsRefresh.Report report = TargetJobsRefresh.refresh(catalogue, diplomas, out);
        assertEquals(3, report.certified());
        assertEquals(2, report.refreshed());
        assertEquals(List.of("OLD: Certif Info diploma 99999 is not in formation_rome.csv"), report.problems());

        Catalogue refreshed = Catalogue.load(out);
        TargetJobs sio = refreshed.find("BTS-SIO").orElseThrow().targets();
        assertEquals(List.of("M1801", "M1805", "M1810", "M1802"), sio.romeCodes(), "both options, no repeat");
        assertTrue(sio.source().contains("Certif Info 106519 « BTS SIO option B » RNCP35340"), sio.source());
        assertEquals(
                List.of("K1903", "K1901"),
                refreshed.find("LIC-DROIT").orElseThrow().targets().romeCodes());
        assertEquals(
                List.of("M1203"), refreshed.find("OLD").orElseThrow().targets().romeCodes(), "kept");
        assertEquals(List.of("dev"), refreshed.find("M1805").orElseThrow().aliases(), "other columns kept");
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(1).startsWith("BTS-SIO,") && lines.get(4).startsWith("M1805,"), "rows in their order");

        // A target that is not a ROME code is refused where it stands.
        Files.writeString(
                catalogue, "code,kind,label,domain,field,level,typical_months,targets\nX,education,X,,,4,24,M18\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalogue.load(catalogue));
        assertTrue(e.getMessage().contains(":2: targets: \"M18\" is not a ROME code"), e.getMessage());
    }
}
