package fr.passerelle.analyst;

import static fr.passerelle.Fixtures.people;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.Fixtures;
import fr.passerelle.TestNeo4j;
import fr.passerelle.graph.Database;
import fr.passerelle.privacy.Thresholds;
import fr.passerelle.publish.Publication;
import fr.passerelle.publish.Publisher;
import fr.passerelle.recommend.NextQuery;
import fr.passerelle.recommend.NextSteps;
import fr.passerelle.recommend.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.types.Entity;

/**
 * The analysts' instance over Bolt with the real driver, logged in as the analyst: it holds the
 * published layer only (no person, no pseudonym, no do-not-collect entry, no count below k, no
 * subtraction that reveals one), every write fails, a wrong password is refused, and the API's
 * aggregate queries give there the very answers the API gives.
 */
class AnalystAccessTest {
    static final String PASSWORD = "analyst-test-password";
    static AnalystNeo4j analysts;
    /** The population's released paths as the release fits them. */
    static fr.passerelle.ReleasedPaths paths;

    static Driver analyst;
    static Services live;
    static fr.passerelle.publish.ReleaseApi apiRelease;
    static Publication publication;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Database db = TestNeo4j.reset();
        List<String> lines = new ArrayList<>();
        lines.addAll(people(
                "a",
                30,
                "education:BAC-STI2D:2016-09:11",
                "education:BTS-SIO-SLAM:2018-09:11",
                "job:M1805:2020-09:11",
                "job:M1806:2023-09:11"));
        lines.addAll(people(
                "b",
                12,
                "education:BAC-STMG:2016-09:84",
                "education:BTS-SIO-SLAM:2018-09:84",
                "education:LIC-INFO:2020-09:84"));
        lines.addAll(people("c", 4, "education:BTS-SIO-SLAM:2018-09:84", "job:M1802:2020-10:84"));
        lines.addAll(people("d", 25, "education:BTS-MCO:2018-09:11", "job:D1301:2020-09:11"));
        lines.addAll(people("e", 16, "education:BTS-MCO:2018-09:84", "job:D1502:2020-09:84"));
        // The person to single out: a trajectory nobody else has.
        lines.add(Fixtures.line(
                "test",
                "unique",
                "education:CAP-PATISSIER:2015-09:93",
                "job:D1502:2017-09:93",
                "job:K2111:2019-09:93"));
        for (int i = 0; i < 25; i++) {
            String next = i < 14
                    ? "{\"kind\":\"job\",\"code\":\"M1203\",\"start\":\"2020-09\"}"
                    : "{\"kind\":\"education\",\"code\":\"LIC-INFO\",\"start\":\"2020-09\"}";
            lines.add(
                    "{\"source\":\"test\",\"id\":\"o" + i + "\",\"steps\":[{\"kind\":\"education\",\"code\":\"BTS-CG\","
                            + "\"start\":\"2018-09\",\"end\":\"2020-06\"}," + next + "]}");
        }
        Fixtures.importer(db, 50).importFiles(List.of(Fixtures.write(dir, "analysts.jsonl", lines)), false, n -> {});
        paths = new fr.passerelle.ReleasedPaths(lines);
        db.write(w -> {
            w.run(
                    "lifecycle/add-do-not-collect",
                    Map.of(
                            "pids",
                            List.of("do-not-collect-me"),
                            "keyId",
                            "k-test",
                            "reason",
                            "erasure",
                            "at",
                            "2026-11-01"));
            return null;
        });
        publication = Fixtures.publisher(db).publish(dir.resolve("published"));
        apiRelease = fr.passerelle.publish.ReleaseApi.start(16L << 20, publication);
        live = Fixtures.services(apiRelease);
        analysts = AnalystNeo4j.start(
                publication,
                new AnalystNeo4j.Settings(dir.resolve("analyst"), "127.0.0.1", 0, 0, PASSWORD, 32L << 20, null));
        analyst = GraphDatabase.driver(analysts.boltUri(), AuthTokens.basic(AnalystNeo4j.USER, PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (analyst != null) {
            analyst.close();
        }
        if (analysts != null) {
            analysts.close();
        }
        if (apiRelease != null) {
            apiRelease.close();
        }
    }

    static List<Record> read(String query) {
        try (Session session = analyst.session(SessionConfig.forDatabase("neo4j"))) {
            return session.executeRead(tx -> tx.run(query).list());
        }
    }

    @Test
    void holdsThePublishedLayerOnly() {
        Set<String> labels = new HashSet<>();
        read("MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l")
                .forEach(r -> labels.add(r.get(0).asString()));
        assertTrue(
                Set.of(
                                "Step",
                                "Meta",
                                "Domain",
                                "Region",
                                "Period",
                                "Since",
                                "Source",
                                "Path",
                                "Outcome",
                                "Reconversion",
                                "ReconversionRoute",
                                "BridgeRoute",
                                "Fit",
                                "FitSituation",
                                "FitJob",
                                "Market",
                                "MarketSource",
                                "CohortOutcome",
                                "Family",
                                "FamilyOutcome",
                                "RegionalOutcome",
                                "Mobility",
                                "RegionLevelOutcome",
                                "FirstJobFlow",
                                "Fork",
                                "Reach",
                                "OfficialHeadcount")
                        .containsAll(labels),
                labels.toString());
        assertTrue(labels.containsAll(Set.of("Step", "Meta", "Path", "Outcome")), labels.toString());
        Set<String> keys = new HashSet<>();
        read("MATCH (n) RETURN n AS e UNION ALL MATCH ()-[r]->() RETURN r AS e")
                .forEach(r -> r.get("e").asEntity().keys().forEach(keys::add));
        for (String forbidden :
                List.of("pid", "rkey", "keyId", "source", "digest", "collectedAt", "starts", "ends", "regions")) {
            assertFalse(keys.contains(forbidden), "the published graph has a property " + forbidden);
        }
        assertTrue(
                read("MATCH ()-[t:TRANSITION]->() WHERE t.months IS NOT NULL RETURN t")
                        .isEmpty(),
                "no month histogram");
        for (Record r : read("MATCH (n) RETURN n AS e UNION ALL MATCH ()-[r]->() RETURN r AS e")) {
            assertFalse(r.get("e").asEntity().asMap().toString().contains("do-not-collect-me"));
        }
    }

    @Test
    void noCountBelowKAnywhere() {
        int checked = 0;
        for (Record r : read("MATCH (n) RETURN n AS e UNION ALL MATCH ()-[r]->() RETURN r AS e")) {
            Entity e = r.get("e").asEntity();
            for (String key :
                    List.of("people", "peopleIn", "peopleOut", "cohort", "leaving", "doNotCollect", "outsideStudy")) {
                Value v = e.get(key);
                if (!v.isNull()) {
                    assertTrue(v.asLong() >= 11, key + " = " + v + " on " + e.asMap());
                    checked++;
                }
            }
        }
        assertTrue(checked > 20, "checked " + checked);
    }

    @Test
    void theUniqueTrajectoryIsNowhere() {
        assertTrue(read("MATCH (:Step {id: 'CAP-PATISSIER'})-[t:TRANSITION]-() RETURN t")
                .isEmpty());
        assertTrue(read("MATCH (p:Path) WHERE 'CAP-PATISSIER' IN p.steps OR 'K2111' IN p.steps RETURN p")
                .isEmpty());
        Record step = read("MATCH (s:Step {id: 'CAP-PATISSIER'}) RETURN s.people AS people")
                .get(0);
        assertTrue(step.get("people").isNull());
        assertTrue(
                read("MATCH (:Step {id: 'K2111'})-[r:IN_REGION]->() RETURN r").isEmpty());
    }

    @Test
    void everyCountIsItsPeoplePlusTheirNoise() {
        List<String> a = Fixtures.ids("a", 30);
        List<String> b = Fixtures.ids("b", 12);
        List<String> c = Fixtures.ids("c", 4);
        assertEquals(
                paths.people(List.of("BTS-SIO-SLAM", "M1805")),
                read("MATCH (:Step {id: 'BTS-SIO-SLAM'})-[t:TRANSITION]->(:Step {id: 'M1805'}) RETURN t.people AS n")
                        .get(0)
                        .get("n")
                        .asLong());
        assertEquals(
                paths.people(List.of("BTS-SIO-SLAM")),
                read("MATCH (s:Step {id: 'BTS-SIO-SLAM'}) RETURN s.people AS n")
                        .get(0)
                        .get("n")
                        .asLong());
        // The 4 to M1802 are nowhere, whatever their noise.
        assertTrue(read("MATCH (:Step {id: 'BTS-SIO-SLAM'})-[t:TRANSITION]->(:Step {id: 'M1802'}) RETURN t")
                .isEmpty());
        // A region breakdown is its own table: region 11 at BTS-SIO-SLAM holds exactly the a-people (as
        // released: never below the region's one released destination, where all 30 went).
        assertEquals(
                Math.max(
                        Fixtures.released(fr.passerelle.publish.CellName.slice("region", "11", "BTS-SIO-SLAM"), a),
                        Fixtures.released(
                                fr.passerelle.publish.CellName.sliceNext("region", "11", "BTS-SIO-SLAM", "M1805"), a)),
                read("MATCH (:Step {id: 'BTS-SIO-SLAM'})-[r:IN_REGION]->(:Region {code: '11'}) RETURN r.people AS n")
                        .get(0)
                        .get("n")
                        .asLong());
        // The release says how it was made.
        Record meta = read("MATCH (m:Meta) RETURN m.k AS k, m.maxNoise AS d, m.noiseVariance AS v")
                .get(0);
        assertEquals(11, meta.get("k").asInt());
        assertEquals(3, meta.get("d").asInt());
        assertEquals(3.0, meta.get("v").asDouble(), 1e-9);
    }

    @Test
    void pathsAreThereWithTheirPeople() {
        List<Record> paths = read(
                "MATCH (p:Path {first: 'BAC-STI2D'}) WHERE p.length >= 3 RETURN p.steps AS steps, p.people AS people ORDER BY p.length");
        assertEquals(
                List.of("BAC-STI2D", "BTS-SIO-SLAM", "M1805"),
                paths.get(0).get("steps").asList(Value::asString));
        assertEquals(
                AnalystAccessTest.paths.people(List.of("BAC-STI2D", "BTS-SIO-SLAM", "M1805")),
                paths.get(0).get("people").asLong());
        assertEquals(2, paths.size(), "BAC-STI2D → BTS-SIO-SLAM → M1805 and its extension to M1806");
        // The same 30 people, another cell: its own noise.
        assertEquals(
                AnalystAccessTest.paths.people(List.of("BAC-STI2D", "BTS-SIO-SLAM", "M1805", "M1806")),
                paths.get(1).get("people").asLong());
    }

    @Test
    void everyWriteFails() {
        Fixtures.assertEveryWriteRefused(analyst, "WriteOnReadOnlyAccessDatabase", "Forbidden");
    }

    @Test
    void theAnalystCannotReadFilesNorFetchUrls() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.writeString(
                java.nio.file.Files.createTempFile("passerelle-file", ".csv"), "TOP-CONTENT\n");
        try {
            assertNoFileNorUrlReadable(secret);
        } finally {
            java.nio.file.Files.deleteIfExists(secret);
        }
    }

    private void assertNoFileNorUrlReadable(java.nio.file.Path secret) {
        for (String url : List.of(
                "file:///etc/passwd",
                "file://" + secret.toAbsolutePath(),
                "file:///proc/self/environ",
                "http://127.0.0.1:" + analysts.boltPort() + "/",
                "http://example.org/x.csv",
                "https://[::1]:443/x.csv")) {
            ClientException e = assertThrows(
                    ClientException.class, () -> read("LOAD CSV FROM '" + url + "' AS row RETURN row LIMIT 1"), url);
            assertFalse(e.getMessage().contains("TOP-CONTENT") || e.getMessage().contains("root:"), url);
        }
    }

    @Test
    void administrationCommandsAreRefusedOrGoneAtTheNextPublication() throws Exception {
        // Community cannot withhold built-in procedures: what they show holds no secret and no person.
        String config = read("CALL dbms.listConfig() YIELD name, value RETURN collect(name + '=' + value) AS all")
                .get(0)
                .get("all")
                .toString();
        for (String secret : List.of(PASSWORD, "hmac.key", "record.key", "0123456789abcdef")) {
            assertFalse(config.contains(secret), "the configuration shows " + secret);
        }
        assertTrue(config.contains("dbms.security.allow_csv_import_from_file_urls=false"), config);
        // Community gives every user administration rights on its own system database: whatever an analyst
        // creates there lives in this store only, and each publication gets a new store.
        boolean created;
        try (Session system = analyst.session(SessionConfig.forDatabase("system"))) {
            system.run("CREATE USER intruder SET PASSWORD 'intruder-password' CHANGE NOT REQUIRED")
                    .consume();
            created = true;
        } catch (ClientException refused) {
            created = false;
        }
        if (created) {
            try (Driver intruder =
                    GraphDatabase.driver(analysts.boltUri(), AuthTokens.basic("intruder", "intruder-password"))) {
                intruder.verifyConnectivity();
            }
        }
        Path next = Files.createTempDirectory("passerelle-next-release");
        Publication again = new Publication(
                publication.version() + 1,
                publication.publishedAt(),
                publication.k(),
                publication.minDenominator(),
                publication.maxNoise(),
                publication.noiseVariance(),
                publication.counts(),
                copy(publication.dir(), next));
        analysts.switchTo(again);
        analyst.close();
        analyst = GraphDatabase.driver(analysts.boltUri(), AuthTokens.basic(AnalystNeo4j.USER, PASSWORD));
        try (Driver intruder =
                GraphDatabase.driver(analysts.boltUri(), AuthTokens.basic("intruder", "intruder-password"))) {
            assertThrows(
                    AuthenticationException.class,
                    intruder::verifyConnectivity,
                    "the next publication's store knows no intruder");
        }
        assertFalse(read("MATCH (s:Step) RETURN count(s) AS n").isEmpty());
    }

    private static Path copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    /**
     * The next start of the same release and password serves the store the last one built (before, every start built
     * another and none was removed: one more store per restart), and removes any other.
     */
    @Test
    void theNextStartServesTheStoreTheLastOneBuilt(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("analyst");
        AnalystNeo4j.Settings settings = new AnalystNeo4j.Settings(home, "127.0.0.1", 0, 0, PASSWORD, 16L << 20, null);
        AnalystNeo4j.start(publication, settings).close();
        List<Path> first = stores(home);
        assertEquals(1, first.size(), first.toString());
        Path leftover = java.nio.file.Files.createDirectories(home.resolve("store-0-1"));
        AnalystNeo4j again = AnalystNeo4j.start(publication, settings);
        try (Driver d = GraphDatabase.driver(again.boltUri(), AuthTokens.basic(AnalystNeo4j.USER, PASSWORD));
                Session s = d.session()) {
            assertTrue(s.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong() > 0);
        } finally {
            again.close();
        }
        assertEquals(first, stores(home), "the same store, and nothing else: " + leftover + " removed");
    }

    private static List<Path> stores(Path home) throws java.io.IOException {
        try (var list = java.nio.file.Files.list(home)) {
            return list.sorted().toList();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (Driver wrong =
                GraphDatabase.driver(analysts.boltUri(), AuthTokens.basic(AnalystNeo4j.USER, "not-the-password"))) {
            assertThrows(AuthenticationException.class, wrong::verifyConnectivity);
        }
        try (Driver admin = GraphDatabase.driver(analysts.boltUri(), AuthTokens.basic("neo4j", "neo4j"))) {
            assertThrows(AuthenticationException.class, admin::verifyConnectivity);
        }
    }

    @Test
    void theApiAndTheAnalystsReadTheSameRelease() {
        try (Database published =
                Database.connect(analysts.boltUri(), AnalystNeo4j.USER, PASSWORD, "neo4j", Duration.ofSeconds(30))) {
            Services analystServices =
                    Services.over(published, Thresholds.defaults(), Fixtures.CLOCK, Fixtures.REGISTER);
            for (String step : List.of("BTS-SIO-SLAM", "BTS-MCO", "BAC-STI2D", "M1805", "BTS-CG", "D1502")) {
                NextSteps fromLive = live.steps().next(NextQuery.of(step));
                NextSteps fromPublished = analystServices.steps().next(NextQuery.of(step));
                assertEquals(fromLive.next(), fromPublished.next(), step);
                assertEquals(fromLive.peopleLeaving(), fromPublished.peopleLeaving(), step);
                assertEquals(fromLive.hiddenPeople(), fromPublished.hiddenPeople(), step);
            }
            assertEquals(
                    live.steps().search("bts", null, 5), analystServices.steps().search("bts", null, 5));
        }
    }

    @Test
    void theExportBundleLoadsWithItsOwnScript() throws Exception {
        String script = Files.readString(publication.dir().resolve("load.cypher"));
        for (String name : Publisher.LOAD_ORDER) {
            assertTrue(script.contains("// " + name), name);
        }
        assertTrue(Files.readString(publication.dir().resolve("steps.csv")).startsWith("id,kind,label,"));
        for (String file : List.of(
                "steps.csv",
                "transitions.csv",
                "paths.csv",
                "outcomes.csv",
                "step-regions.csv",
                "step-periods.csv",
                "region-transitions.csv",
                "period-transitions.csv",
                "reconversions.csv",
                "reconversion-routes.csv",
                "bridge-routes.csv",
                "sources.csv")) {
            String text = Files.readString(publication.dir().resolve(file));
            assertFalse(text.contains("unique") || text.contains("k-"), file);
        }
    }
}
