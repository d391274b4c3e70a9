package fr.passerelle.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.catalog.Catalogue;
import fr.passerelle.catalog.Regions;
import fr.passerelle.demo.DemoGenerator;
import fr.passerelle.demo.TrajectoryFileWriter;
import fr.passerelle.graph.Database;
import fr.passerelle.graph.EmbeddedNeo4j;
import fr.passerelle.lifecycle.Erasure;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk rebuild and the transactional import must build the same graph from the same input. */
class BulkLoaderTest {
    @TempDir
    Path dir;

    @Test
    void bulkRebuildEqualsTransactionalImport() throws java.io.IOException {
        Catalogue catalogue = Catalogue.bundled();
        Path file = dir.resolve("demo.jsonl");
        List<RawTrajectory> people = new ArrayList<>();
        new DemoGenerator(catalogue).generate(1500, 7).forEach(people::add);
        // A later version of an earlier person, an unknown region and a malformed record, as real files have.
        people.add(new RawTrajectory(
                "demo",
                "demo-3",
                List.of(
                        new RawStep("education", "BTS-MCO", "2019-09", null, "Atlantis"),
                        new RawStep("job", "D1301", "2021-09", null, "84")),
                "x"));
        people.add(new RawTrajectory("demo", "bad", List.of(new RawStep("job", "X0000", "2019-09", null, null)), "x"));
        // demo-8 is read again, then made private: gone and listed; demo-9 made private, then read again: still gone.
        people.add(people.get(8));
        people.add(new RawTrajectory("demo", "demo-8", List.of(), "x", true));
        people.add(new RawTrajectory("demo", "demo-9", List.of(), "x", true));
        people.add(people.get(9));
        people.add(new RawTrajectory(
                "demo",
                "nowhere",
                List.of(
                        new RawStep("education", "BTS-MCO", "2019-09", null, null),
                        new RawStep("job", "D1301", null, null, null)),
                "x"));
        TrajectoryFileWriter.write(people, file);

        Database transactional = TestNeo4j.reset();
        // demo-5 asked for erasure before: both paths must skip it and keep it listed.
        new Erasure(transactional, Fixtures.KEY, Fixtures.CLOCK)
                .erase("demo", List.of("demo-5"), Erasure.Reason.ERASURE);
        List<BulkLoader.Tombstone> listed =
                transactional.read("person/all-do-not-collect", Map.of(), BulkLoader.Tombstone::from);
        ImportReport viaDriver = Fixtures.importer(transactional, 250).importFiles(List.of(file), false, n -> {});
        Map<String, Object> expected = Fixtures.snapshot(transactional);

        Normaliser normaliser =
                new Normaliser(catalogue, Regions.bundled(), Fixtures.KEY, Normaliser.RegionLevel.REGION);
        BulkLoader loader =
                new BulkLoader(normaliser, catalogue, Fixtures.KEY.keyId(), Fixtures.RECORD_KEYS, Fixtures.CLOCK);
        BulkLoader.Prepared prepared = loader.prepare(List.of(file), false, listed, dir.resolve("csv"));
        Path home = dir.resolve("neo4j");
        BulkLoader.runImport(home, prepared.dir(), new PrintStream(OutputStream.nullOutputStream()));
        try (EmbeddedNeo4j embedded = EmbeddedNeo4j.start(home, 0, 32L * 1024 * 1024, "bulk-test-password");
                Database bulk = Database.connect(
                        embedded.boltUri(), EmbeddedNeo4j.USER, "bulk-test-password", null, Duration.ofSeconds(30))) {
            // Bolt wants the password, even on loopback.
            try (org.neo4j.driver.Driver open =
                    org.neo4j.driver.GraphDatabase.driver(embedded.boltUri(), org.neo4j.driver.AuthTokens.none())) {
                assertThrows(org.neo4j.driver.exceptions.AuthenticationException.class, open::verifyConnectivity);
            }
            assertEquals(expected, Fixtures.snapshot(bulk));
            // And the same release: record keys included (the bulk path stores people without any region as no
            // property).
            Map<String, String> viaImport = fr.passerelle.publish.ReleaseTest.tables(
                    Fixtures.publisher(transactional).publish(dir.resolve("released-tx")));
            Map<String, String> viaBulk = fr.passerelle.publish.ReleaseTest.tables(
                    Fixtures.publisher(bulk).publish(dir.resolve("released-bulk")));
            for (String table : viaImport.keySet()) {
                assertEquals(viaImport.get(table), viaBulk.get(table), table);
            }
            assertEquals(
                    1L,
                    bulk.read(
                                    "queries/dataset-version",
                                    Map.of(),
                                    r -> r.get("version").asLong())
                            .get(0));
            assertEquals(
                    new java.util.TreeSet<>(List.of(
                            Fixtures.KEY.pseudonym("demo", "demo-5"),
                            Fixtures.KEY.pseudonym("demo", "demo-8"),
                            Fixtures.KEY.pseudonym("demo", "demo-9"))),
                    new java.util.TreeSet<>(bulk.read(
                            "person/all-do-not-collect",
                            Map.of(),
                            r -> r.get("pid").asString())));
            assertEquals(
                    new java.util.TreeSet<>(transactional.read(
                            "person/all-do-not-collect",
                            Map.of(),
                            r -> r.get("pid").asString())),
                    new java.util.TreeSet<>(bulk.read(
                            "person/all-do-not-collect",
                            Map.of(),
                            r -> r.get("pid").asString())),
                    "the same list both ways");
        }
        assertEquals(viaDriver.records(), prepared.report().records());
        assertEquals(1, prepared.report().skipped());
        assertEquals(2, prepared.report().doNotCollect(), "demo-5, and demo-9 read after it was made private");
        assertEquals(viaDriver.doNotCollect(), prepared.report().doNotCollect());
        assertEquals(2, prepared.report().withdrawn());
        assertEquals(viaDriver.withdrawn(), prepared.report().withdrawn());
        assertEquals(1, prepared.report().droppedRegions());
        long stored = ((List<?>) expected.get("persons"))
                .stream()
                        .mapToLong(p -> ((List<?>) ((Map<?, ?>) p).get("steps")).size())
                        .sum();
        assertEquals(stored, prepared.report().visits(), "the bulk report counts the steps stored");
        assertTrue(viaDriver.replaced() >= 1);
    }
}
