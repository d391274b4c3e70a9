package fr.passerelle.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.catalog.Catalogue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's released shares beside InserJeunes': official figures joined through Certif Info's CFD
 * and the BCN's MEF table (files in the official formats, a byte-order mark included), released ones
 * from the demo release's {@code /fit}.
 */
class CalibrationTest {
    @Test
    void officialSharesJoinThroughTheCertificationAndSitBesideTheReleasedOnes(@TempDir Path dir) throws Exception {
        Path[] files = Fixtures.inserJeunesFiles(dir);
        Path diplomas = files[0];
        Path ij = files[1];
        Map<String, Calibration.Official> official = Calibration.official(Catalogue.bundled(), diplomas, ij);
        assertEquals(new Calibration.Official(150, 100, 50 / 150.0, 0.5, 0.6), official.get("BTS-SIO-SLAM"));
        assertEquals(new Calibration.Official(80, 60, 0.25, 0.0, 0.0), official.get("BTS-CG"));
        assertEquals(2, official.size());

        try (fr.passerelle.publish.ReleaseApi release =
                fr.passerelle.publish.ReleaseApi.start(dir.resolve("api"), 16L << 20, Fixtures.demoPublication())) {
            List<Calibration.Row> rows =
                    Calibration.compare(official, Fixtures.services(release).fit());
            assertEquals(2, rows.size());
            int known = 0;
            for (Calibration.Row row : rows) {
                for (Double share : new Double[] {row.study6(), row.employed6(), row.employed12()}) {
                    assertTrue(share == null || share >= 0 && share <= 1, row.toString());
                    known += share == null ? 0 : 1;
                }
            }
            assertTrue(known >= 3, "the demo release gives shares for these BTS: " + rows);
            String table = Calibration.table(rows);
            assertTrue(table.contains("BTS-SIO-SLAM") && table.contains("33% / "), table);
            assertTrue(table.contains("mean absolute gap"), table);
        }
    }
}
