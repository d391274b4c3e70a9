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

        {
            fr.passerelle.publish.ReleaseApi release = Fixtures.demoRelease();
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

    @Test
    void mastersSitBesideInserSupsNationalRatesAndTheirFlowsKeepTheirStudyShare(@TempDir Path dir) throws Exception {
        String header = "annee;diplome;numero_de_l_etablissement;etablissement;etablissementactuel;code_de_l_academie;"
                + "academie;code_du_domaine;domaine;code_de_la_discipline;discipline;situation;remarque;nombre_de_reponses;"
                + "taux_de_reponse;poids_de_la_discipline;taux_dinsertion\n";
        String national = "Toutes universités et Établissements assimilés";
        java.nio.file.Files.writeString(
                dir.resolve("master.csv"),
                header
                        // Three latest years, 18 and 30 months; an older year and a university's row left out; "ns"
                        // skipped.
                        + "2020;MASTER LMD;UNIV;" + national
                        + ";;;;STS;S;disc16;Informatique;18 mois après le diplôme;;100;70;6;90\n"
                        + "2020;MASTER LMD;UNIV;" + national
                        + ";;;;STS;S;disc16;Informatique;30 mois après le diplôme;;100;70;6;ns\n"
                        + "2019;MASTER LMD;UNIV;" + national
                        + ";;;;STS;S;disc16;Informatique;18 mois après le diplôme;;300;70;6;94\n"
                        + "2019;MASTER LMD;UNIV;" + national
                        + ";;;;STS;S;disc16;Informatique;30 mois après le diplôme;;300;70;6;96\n"
                        + "2018;MASTER LMD;UNIV;" + national
                        + ";;;;STS;S;disc16;Informatique;18 mois après le diplôme;;100;70;6;98\n"
                        + "2017;MASTER LMD;UNIV;" + national
                        + ";;;;STS;S;disc16;Informatique;18 mois après le diplôme;;900;70;6;50\n"
                        + "2020;MASTER LMD;0141408E;Caen;;;;STS;S;disc16;Informatique;18 mois après le diplôme;;30;70;6;10\n");
        Map<String, fr.passerelle.market.InserSup.Discipline> masters =
                Calibration.masters(Catalogue.bundled(), dir.resolve("master.csv"));
        fr.passerelle.market.InserSup.Discipline info = masters.get("MASTER-INFO");
        assertEquals(2018, info.fromYear());
        assertEquals(2020, info.toYear());
        assertEquals(500, info.answers());
        assertEquals((90 * 100 + 94 * 300 + 98 * 100) / 500.0 / 100, info.insertion18(), 1e-9);
        assertEquals(0.96, info.insertion30(), 1e-9, "ns is no figure: 2019 alone");
        assertEquals(info, masters.get("MASTER-MIAGE"), "MIAGE is computing too");
        assertEquals(2, masters.size(), "no other discipline in the file");

        {
            fr.passerelle.publish.ReleaseApi release = Fixtures.demoRelease();
            List<Calibration.MasterRow> rows = Calibration.compareMasters(
                    masters, Fixtures.services(release).outcomes());
            assertEquals(2, rows.size());
            assertTrue(rows.stream().anyMatch(r -> r.employed24() != null), rows.toString());
            rows.forEach(r -> assertTrue(r.employed24() == null || r.employed24() >= 0 && r.employed24() <= 1));
            String table = Calibration.mastersTable(rows);
            assertTrue(table.contains("MASTER-INFO") && table.contains("94% / "), table);
        }

        // Flows: a master's weights outside study split at InserSup's 18-month rate; its study weight stays.
        Path flows = dir.resolve("flows.csv");
        java.nio.file.Files.writeString(
                flows,
                "from,to,weight\nMASTER-INFO,M1805,30\nMASTER-INFO,RECHERCHE-EMPLOI,30\nMASTER-INFO,MASTER-MIAGE,40\n");
        Path out = dir.resolve("out.csv");
        Calibration.calibrateFlows(flows, out, Calibration.asOfficial(masters), Catalogue.bundled());
        List<String> lines = java.nio.file.Files.readAllLines(out);
        double job = Double.parseDouble(lines.get(1).split(",")[2]);
        double search = Double.parseDouble(lines.get(2).split(",")[2]);
        assertEquals("MASTER-INFO,MASTER-MIAGE,40", lines.get(3), "further study as the flows had it");
        assertEquals(info.insertion18(), job / (job + search), 0.01);
    }
}
